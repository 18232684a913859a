import { tagIdPairs } from './nhentai-tag-lines';

/**
 * Every tag of nhentai's `tag` type with its id (1826 tags): nhentai's listings write only ids.
 * Source: l2studio/nhentai-tags · assets/generated.tags.ts · 6b542979d46cba0ed556410000085677f6b8d1d3 ·
 * Apache-2.0 (fetched by that project from https://nhentai.net/tags, 2022-08-04), as converted in
 * ../shared/fixtures/real/nhentai/nhentai_tag_ids_2022.json; regenerate from that file: one "id name"
 * line per tag, ids ascending.
 *
 * One string, not an object literal: it costs a single split where it is read. In Chromium it is the
 * extension's nhentai-tags.js (entrypoints/nhentai-tags.ts), which nhentai's content script imports as a
 * page starts, beside its settings; in Firefox that script carries it (entrypoints/nhentai.content.ts).
 */
export const NHENTAI_TAG_IDS = `190 maid
266 sundress
369 cum swap
370 business suit
559 ttf threesome
560 twins
571 zombie
660 waiter
683 squirting
706 birth
779 futanari
832 elf
920 plant girl
984 dog boy
1008 squid girl
1033 handjob
1037 oni
1067 inseki
1088 bdsm
1207 milf
1215 unusual teeth
1327 nipple expansion
1352 slime
1590 sweating
1643 kissing
1663 blind
1814 forniphilia
1942 wolf boy
2153 wings
2452 scar
2515 virginity
2527 bandages
2531 transformation
2554 bear
2633 leg lock
2695 shrinking
2820 scat
2937 big breasts
2956 old man
3031 underwater
3391 nun
3455 chastity belt
3551 wormhole
3614 triple penetration
3666 garter belt
3735 swimsuit
3811 big lips
3843 fundoshi
3947 onahole
4068 glory hole
4253 levi
4435 gag
4459 fox boy
4526 multiple breasts
4549 torture
4566 doll joints
4573 corruption
4678 nose fuck
4738 body painting
4742 race queen
4935 farting
5109 autopaizuri
5172 ninja
5200 pegging
5357 humiliation
5434 giant
5452 gymshorts
5529 urethra insertion
5620 double anal
5810 strap-on
5820 piercing
5936 time stop
5962 spanking
6220 orc
6303 triple anal
6343 pregnant
6525 nurse
6671 layer cake
6817 unusual pupils
6898 father
6900 miko
7019 bull
7063 nipple birth
7142 bbw
7155 cunnilingus
7208 catboy
7256 mmf threesome
7288 vomit
7354 amputee
7372 corset
7546 witch
7550 monster girl
7577 vampire
7584 compilation
7657 foot insertion
7684 armpit sex
7735 dark nipples
7752 schoolboy uniform
7838 magical girl
7942 pantyjob
7995 big nipples
8010 group
8050 females only
8119 dragon
8254 horse boy
8368 full censorship
8378 glasses
8391 public use
8400 goblin
8429 machine
8516 emotionless sex
8653 netorare
8693 uncensored
8739 story arc
8860 mature
9083 big ass
9116 unbirth
9162 masturbation
9260 cheating
9406 enema
9518 worm
9661 cervix penetration
9908 electric shocks
9990 prostate massage
10261 gasmask
10314 schoolgirl uniform
10354 milking
10429 harpy
10476 urination
10542 snuff
10604 dog
10606 pasties
10685 double blowjob
10693 dougi
10794 breast feeding
10811 double vaginal
10988 anthology
10992 wolf
11020 grandmother
11073 living clothes
11089 body swap
11247 skinsuit
11276 multiple penises
11376 body modification
11399 metal armor
11727 infantilism
11914 pig man
11941 replaced
11968 ponygirl
12031 cuntboy
12154 midget
12220 butler
12523 bestiality
12695 prostitution
12824 condom
13057 balls expansion
13136 facesitting
13468 shimapan
13515 coach
13613 insect girl
13640 frottage
13672 tailjob
13720 nakadashi
13722 moral degeneration
13882 tutor
13989 ahegao
13993 uncle
14010 snake girl
14069 ryona
14072 huge breasts
14138 freckles
14280 bunny boy
14283 anal
14321 tights
14362 low lolicon
14418 syringe
14516 wolf girl
14526 cashier
14573 tall man
14870 squirrel girl
14971 sex toys
15045 niece
15119 dog girl
15215 absorption
15225 blowjob face
15242 lab coat
15347 bodystocking
15348 ffm threesome
15408 femdom
15425 vore
15463 mtf threesome
15471 asphyxiation
15492 scanmark
15532 balljob
15658 bondage
15712 eyemask
15749 oil
15782 crossdressing
15785 harem
15853 mother
15959 abortion
16224 anorexic
16228 demon girl
16236 shemale
16262 table masturbation
16368 eye penetration
16461 wooden horse
16487 weight gain
16518 coprophagia
16533 sleeping
16554 brain fuck
16759 artistcg
16828 hairy
16947 horse
17003 speculum
17005 spider girl
17337 stretching
17349 tracksuit
17476 sheep girl
17501 phimosis
17531 cosplaying
17591 robot
17676 ghost
17752 foot licking
17773 kimono
17800 tickling
17801 solo action
17967 alien
18322 brother
18328 thigh high boots
18409 snake
18420 all the way through
18447 minotaur
18544 growth
18567 monster
18613 military
18692 slug
18946 gorilla
19018 dark skin
19064 pubic stubble
19171 slime girl
19175 bikini
19354 vaginal sticker
19390 cousin
19426 pig girl
19440 lolicon
19443 mouse girl
19455 invisible
19479 nipple fuck
19561 big balls
19592 hairjob
19721 misc
19737 priest
19899 exhibitionism
19954 yuri
20035 x-ray
20074 latex
20120 multiple paizuri
20170 poor grammar
20282 footjob
20284 whip
20362 gyaru-oh
20372 octopus
20439 fft threesome
20488 trampling
20525 defloration
20617 mind control
20769 big vagina
20789 policewoman
20905 full color
21112 full body tattoo
21127 scrotal lingerie
21259 centaur
21283 masked face
21450 minigirl
21513 nazi
21538 bike shorts
21572 multi-work series
21712 males only
21774 human pet
21822 low bestiality
21903 merman
21924 anal birth
21989 inflation
22025 prolapse
22079 drugs
22149 pirate
22221 blood
22411 necrophilia
22862 pig
22942 incest
22945 double penetration
22950 tanlines
22967 diaper
23035 aunt
23073 assjob
23132 bunny girl
23183 breast expansion
23225 non-h
23237 tankoubon
23422 cum in eye
23463 wrestling
23632 big areolae
23639 multiple arms
23660 ear fuck
23895 yaoi
23917 long tongue
23921 pillory
23965 chloroform
23967 huge penis
24053 vacbed
24102 lactation
24115 angel
24168 pole dancing
24201 stockings
24380 pantyhose
24410 frog
24412 bodysuit
24427 policeman
24450 chinese dress
24484 bee girl
24529 bride
24555 cum bath
24621 insect
24676 rimjob
24708 cowgirl
24712 ttm threesome
24726 apron
24764 drunk
24933 eyepatch
24967 sumata
24984 orgasm denial
25050 gyaru
25085 swinging
25296 armpit licking
25457 possession
25601 small breasts
25614 paizuri
25663 oppai loli
25744 cheerleader
25766 gokkun
25794 widow
25822 smell
25848 human cattle
25871 lingerie
25949 gothic lolita
25996 gaping
26130 fingering
26366 ass expansion
26380 demon
26388 stewardess
26471 raccoon girl
26609 saliva
26822 mermaid
26830 shared senses
26848 waitress
26898 age progression
26952 tall girl
26953 bukkake
27038 handicapped
27063 filming
27112 tiara
27120 selfcest
27217 guro
27234 catfight
27378 artbook
27384 mind break
27473 mosaic censorship
27530 ball sucking
27531 monkey
27553 rape
27598 low shotacon
27697 leotard
27720 smegma
27977 prehensile hair
28031 sister
28119 nose hook
28166 eel
28335 giantess
28349 cbt
28426 hairy armpits
28521 voyeurism
28550 teacher
28589 hotpants
28778 large insertions
28800 bloomers
28824 tube
28869 stuck in wall
28897 crown
29001 parasite
29013 dilf
29023 tomgirl
29076 imageset
29182 blackmail
29224 impregnation
29347 miniguy
29366 tomboy
29399 daughter
29481 phone sex
29565 school swimsuit
29579 navel fuck
29631 inverted nipples
29859 blowjob
30035 gender bender
30126 big clit
30176 petrification
30206 tribadism
30472 fairy
30473 muscle
30555 big penis
30645 dick growth
30786 watermarked
30811 christmas
30839 alien girl
30848 cannibalism
30895 sunglasses
31012 blindfold
31044 collar
31101 incomplete
31173 first person perspective
31280 clit growth
31285 fox girl
31313 kappa
31319 yandere
31337 kunoichi
31371 mecha girl
31386 catgirl
31453 cowman
31488 lizard girl
31663 menstruation
31687 randoseru
31744 mmt threesome
31775 tentacles
31783 dicknipples
31846 body writing
31880 bbm
31986 age regression
31997 smoking
32201 bandaid
32224 eggs
32282 piss drinking
32341 shotacon
32484 stomach deformation
32538 out of order
32589 feminization
32602 fisting
32745 chikan
32752 shibari
32870 triple vaginal
32964 kazefuki poni
32996 deepthroat
33032 autofellatio
33129 slave
33138 granddaughter
34059 tuna empire
35762 sole female
35763 sole male
35968 dickgirl on male
35970 dickgirl on dickgirl
35971 male on dickgirl
35972 sole dickgirl
36616 human on furry
36957 bisexual
38066 heterochromia
49646 missing cover
50211 wet clothes
50390 josou seme
50486 tail plug
50505 oyakodon
50585 webtoon
51399 crotch tattoo
52826 dark sclera
54027 miki hime
54306 aji ponntarou
54324 shimon ryuushirou
54433 misakitou
54435 kiyomiya ryou
54436 a kyokufuri
54756 mine mura
54778 kakucho parts
54783 shuhan
54847 haruharu dou
55042 miyamoto smoke
55567 great akuta
55852 akigami satoru
56111 bankoku ayuya
56116 mikoshiro nagitoh
56133 mashi miyuki
56259 ishoku dougen
57339 chiyou yoyuchi
72139 clothed paizuri
72471 dickgirls only
73750 bald
75320 clamp
78262 shaved head
80496 horse girl
80498 gigantic breasts
80557 horse cock
80631 kindergarten uniform
80656 monoeye
80718 old lady
80747 yukkuri
80978 nudity only
81707 beauty mark
81774 kemonomimi
81923 closed eyes
84703 harness
85288 ponytail
85295 twintails
88103 clothed female nude male
88433 clothed male nude female
88846 horns
89056 hidden sex
92409 thick eyebrows
92719 ari and mura
93324 fishnets
97795 pixie cut
100327 low scat
101724 leash
104199 omorashi
104206 kigurumi
104227 tail
104237 redraw
104245 small penis
104253 sarashi
104262 makeup
104291 variant set
104663 comic
104893 vtuber
105833 gloves
106006 large tattoo
106119 no penetration
106733 hair buns
107478 drill hair
107503 soushuuhen
107705 facial hair
108118 goudoushi
109289 tailphagia
109360 cumflation
109760 nijisanji
109930 domination loss
110376 clone
114895 unusual insertions
114993 shimaidon
118056 petplay
118954 forced exposure
120278 mmm threesome
121690 hololive
121738 focus anal
122908 very long hair
124610 mouth mask
125418 sketch lines
126641 stirrup legwear
126671 multimouth blowjob
126706 fff threesome
127907 focus blowjob
129008 apparel bukkake
129321 mesuiki
129668 eye-covering bang
130025 anal intercourse
131758 focus paizuri
132804 murasaki reika
132805 animegao
132807 doujinshi
132808 kuba yodomu
132809 manga
132810 frog girl
132811 headphones
132818 multiple orgasms
132819 lizard guy
132825 analphagia
132826 widower
132828 yami books
132829 big muscles
132830 thirty8ght
132831 texteater
132832 ishimari yuuya
132833 isshiki fuji
132834 hyouzan daibakuha
132835 kneepit sex
132836 suga juurou
132837 genkotsu 13-gou
132838 moriyama inu
132839 akaimelon
132840 asatsuki aoi
132841 stealthcraftwork
132844 umeda
132845 umeda-ku
132847 dummy kaiko
132849 ttt threesome
132850 penis birth
132851 western cg
132852 mr. bobo
132853 tori seisakusho
132854 gurotuki
132855 multiple straddling
132856 ushiking
132857 donshoku echiechi dragon
132858 juki kazu
132859 murakami harumasa
132861 burping
132862 tops
132863 tsujidou ayase
132864 turisasu
132865 gijinka
132866 hoshigaki seizoujo
132867 sonna bakana
132868 yan2252
132869 internal urination
132870 school gym uniform
132871 animated
132872 fujii kasai
132873 kawara soba
132874 low guro
132875 shark girl
132876 adventitious vagina
132877 taimanin
132878 tornado
132879 cervix prolapse
132880 fuwatoro lion
132881 barghest
132884 conejologia
132885 bunbuku nagi
132886 deluxe kougyou
132887 gyoumuin a
132888 gan sukii
132889 okemaruta
132890 nagahama kenji
132891 yumemori
132892 aburitoro salmon o kawari
132893 ssbbw
132894 sway
132895 pichinki
132896 hitozuma lollipop
132897 fliming
132898 home center tenco
132899 golden bazooka
132900 rof
132901 miato
132902 ocita micawa
132903 bonus call
132904 sockjob
132906 donmaikingdom
132907 yariyo
132908 yumiko
132909 chikichikin
132910 yamano muraotto
132911 siruto
132913 oosaki
132914 babu no ki
132915 chikumaya
132916 yo o shinobu
132918 chitsu kara liver
132919 battenkyuuki
132920 vildred
132921 uchuu-jin tanaka tarou
132922 dakimakura
132923 dan oniroku
132924 melonbooks
132925 western non-h
132926 multipanel sequence
132929 doggie-yu
132930 skeb
132931 shizaki tsukiyo
132932 enami nao
132933 taiyou no nishi
132934 iyoudon
132935 legjob
132936 moheji
132937 futaba channel
132938 tawashi
132939 maou dante
132940 vorevore
132941 murai toyo
132942 gamanuntaka
132944 kien-biu
132945 enari
132948 cow
132949 sudou raikuu
132952 cardfight v master
132953 kamenoashi
132954 ore teki doremi e
132955 mikoshiba
132956 mugen murasaki
132957 machida march
132958 loon koubou
132959 pai genji
132960 itsuki itsuki
132961 mokko
132962 cappuccino
132963 tranformation
132964 sukuna
132966 honjou tatami
132967 mase ryuuki
132968 payochiyo
132969 unyakun
132970 sokushi
132971 tasuke seinyuu
132972 kuremente
132973 unya
132974 shioimo
132975 torotei
132976 tenkoinu
132977 capsaicin
132978 tsuruga
132979 kazaoka
132981 iyo no kama
132983 guusuka
132984 reptile
132985 spider
132986 aizawa seinikuten
132987 aizawa anji
132988 shoujo yoshitsune den
132989 a.w.u
132990 tonari toyama
132991 mahomaho
132992 mahomaho koubou
132993 truffe
132994 hood
132995 ryuuguu
132999 yanagie terasu
133002 catnip s tablet
133003 shiromaru
133004 afro
133005 bear girl
133006 micchi
133007 shiga hanako
133008 carter
133009 yukino makoto
133010 shimenawa to onna no ko
133011 ssbbm
133012 onigunsow
133014 haigure
133015 denki anma
133016 seishokuki
133017 momoya
133018 mouse boy
133019 suzuki takeshi
133020 stranded
133021 salad oil
133022 uwatteru
133023 hachimaru extreme
133024 tyontyon
133025 sasada aki
133028 myuu
133029 yakumo ryojin
133030 arurukaana7a
133031 chikuwa factory
133033 pinez
133034 muchuu yakou
133035 biscuitone
133039 aoto kage
133040 ishihara norihiro
133041 tokakukaku
133042 squid boy
133043 dogaya
133044 kigurumi pajama
133045 tokyo kumitaisou-gumi
133046 domino-gumi
133049 headless
133050 shiokaze toride
133051 totorina
133052 mian mubo
133053 wsplus
133054 monimonimo
133055 straitjacket
133056 multiple assjob
133058 satotsuki chiyo
133060 seisha ryuso
133061 suzunashi rei
133062 little note
133063 kutsudaru
133064 bat girl
133065 multiple handjob
133067 oishii oshiri
133068 oishii oshiri cafe
133069 hoshina shinya
133070 maripaka
133072 tachibana ruri
133073 yorozu company
133074 mash.
133075 hijab
133076 arisawa touta
133078 qiujun
133079 fox
133080 kudou maimu
133081 rayzhai
133082 stealth koubou
133084 nakamura kafka
133085 ayase mio
133086 tkosukotei
133087 uyuu
133088 parareyukicchu
133089 shizukuno reyu
133090 snake boy
133091 mute
133092 multiple footjob
133093 dinosaur
133094 deko ga areba boko ga aru.
133095 mentoru
133096 kinoto kanade
133097 dolphin
133098 ojarumaru
133099 syake-ama
133100 siansi
133101 seki hirame
133102 syunkarow
133103 syunka kikaku
133104 strand infinity
133105 kujo shima
133106 yoshiyoshi-ya
133107 haru-chan kikaku
133108 turquoise
133110 moomoomilk
133112 rakudai ninja rantaro
133113 azamidon
133114 narumieru
133115 doujinharuga
133117 mokkindou
133118 walkure
133119 fujiwarake
133120 masuta
133121 chinpan
133122 maggot
133123 jikken b-tou
133124 rayou.
133125 furutani
133126 mizuiro penra
133127 how to
133128 tomikadou
133129 reitou yakisoba
133130 kuki isu
133131 breast reduction
133132 toorisugari kari
133134 figure
133135 oishinbo
133136 albino
133137 insect boy
133140 koyama hayato
133141 mosoya
133142 wakimiunten
133143 niwaka daimyou
133144 higehurai
133145 grandfather
133146 deer girl
133147 kouun ryuusui
133148 hirobi
133149 calmflower
133150 masaru
133151 cross road
133153 clit insertion
133154 yongo
133155 shiragi mana
133157 slime boy
133161 monkey girl
133162 lander
133164 madden
133165 takeefu
133166 tkf
133188 nobiruko
133210 poyojirou
133226 chiparu
133227 yunusuko
133228 tekko
133233 soudeiba
133263 matsuda val
133282 sugishin
133283 circle takaya
133285 nya-tan
133286 uri-tan
133292 atelier30
133302 kitsune no nijibiya
133304 hikawa ritsu
133321 keiji-kurobi
133340 saikime
133347 circle ism
133349 tomatoedge
133350 shibudaku seisaku iinkai
133351 mizutamari no uta
133352 suzugaeru
133353 sesshouin kiara
133356 mitari gakuen
133357 record of ragnarok
133361 hugo baint von renxandt
133362 suelecia zagan analeit
133363 hugo baint renxandt
133364 karnatia seri anabald
133367 syntier13
133386 kiriko
133400 phase e
133401 ill
133406 umou
133408 skunk girl
133415 loli-fan
133416 jikomanzoku manga shuudan
133435 ash plus
133456 gairou
133457 muscle growth
133462 yashima tetsuya
133465 nintai akira
133468 patapo
133493 eihikanshi
133498 saikoro
133513 kuri dango-ya sora
133520 tenga
133526 shittori bouzu
133536 giant sperm
133539 prismatic boy
133540 kuusou jikkenshitsu
133547 amamiya kokoro
133552 multiple orgasm
133558 twinkyweeb
133576 exercise abc
133578 shishio
133596 pinochika
133603 hinyari
133607 censorship
133608 miyahama ryou
133612 hironikuru senga anarogu
133614 cat
133616 dismantling
133622 sumairu
133624 ouroboros
133626 shunga no hassan
133668 chirotata
133669 senoo hibiteru
133670 gatekeeper
133671 yamazaki takumi
133677 emuo
133680 mizuhara zakuro
133689 mecha boy
133722 jiko moratorium
133723 young farm
133731 cha bou
133732 mura mura
133733 shimizu masaharu
133744 kumata katsumi
133745 sakakibara bieru
133749 nazono
133750 foxtail project
133755 hotate-san
133760 kumarin
133763 bori
133765 mofuaki
133769 echigonokuni
133770 yaniku
133775 itokon code
133778 ijou shiniki
133779 miminoura
133780 matumoto ke
133854 taiyaki pan
133856 shiranai uchi ni level max ni nattemashita
133912 snail girl
133914 ezaki yui
133917 low smegma
133919 jewelry box
133920 yawaraka shouten
133932 yao ha ducy
133937 slime taoshite 300-nen shiranai uchi ni level max ni nattemashita
133988 darymaya
133990 minato mirai
134040 zijou
134042 cementite
134043 fe3c
134053 ero trap dungeon
134055 multiple nipples
134058 cockphagia
134063 kuchibiru chazuke
134068 youkai club
134069 shigemaru shigeru
134115 maturbation
134117 gorilla mountain shikoku
134119 hiuh
134120 mochichimaru
134127 hazuki younosuke
134130 nicolai no yome
134131 komyaku
134132 toprush
134135 yumeki
134138 red light red
134139 red plum dianthus
134180 furube
134182 mimamoriencyo
134188 fengxi
134189 luo xiaohei
134195 sole fmelae
134199 henzutsuu
134206 iwahisa tsuki
134232 western imageset
134247 neko no tendon
134249 higuchi shuu
134250 kisetsu fuu
134253 seiniku aikoukai
134255 jumyou wa isshukan
134256 kosuke poke
134259 kuroyume koubou
134260 yuuki reina
134262 sole femla
134265 gunjou croquette
134266 cream punch
134267 sekaiju no hakoniwa
134305 the legend of luoxiaohei
134310 momomo gasshuukoku
134312 cuntbusting
134313 cherry blossoms
134316 soboro
134368 harusame kakigoori
134378 kisetsufuu
134379 higuti syu
134417 rainy eternity
134418 shinka-san
134472 airpink
134477 endeaa
134479 sekito sakurada
134485 hyper uc circle
134487 shiawase na choushoku
134493 tiger
134531 namaniku
134532 namiitcho
134533 ryou
134534 watosu mama
134535 syno
134536 synolee
134538 electromonkey
134553 shrimp cake
134573 unicorn
134577 do-wa
134578 yokochichi lingerie
134581 els tasmin
134584 kirakou
134630 tetsudou hisakawa
134633 hoshino takanashi
134639 meimeikomei
134640 yoro
134673 yamito
134677 nijimaarc
134678 nijimaru
134679 najimaarc
134680 najimaru
134715 yuzu onsen
134718 ebi fry teishoku
134719 sasaki kazuyuki
134733 smile foran company
134734 cocoroach
134746 tankouyon
134750 nyantomo
134774 fuwatoro opanchu cake
134798 ashino
134799 pants o pants
134800 neo tokugawake
134802 ido nite
134803 catgirlwitch
134804 kaito dokuringo
134805 tachiko
134807 furukoto takaichi
134818 39tei
134843 nero tarou.
134866 redosukan
134872 shark boy
134878 jero
134881 kobamiso
134890 houwa aji
134893 noraneko nicole
134899 ponkotsu afro
134900 sakurai mizuki
134904 k.t.
134917 akuyaku warai sandankatsuyou
134918 ginmaru
134921 kakoriri
134924 kagaku chop
134934 ichi-gsm
134935 scan
134937 udokurokujou
134946 fish
134948 kodomokai
134949 yoshiwara tatsuhiko
134951 guradesu
134952 ta-ta
134953 toranoana
134954 no tengo nada
134955 poco-pene
134957 hironobu
134958 pinkpaper
134960 angel ice
134961 collon club
134962 toubousha
134972 ludonic alien
134973 girigirimai
134974 sayama yukihiro
135017 mouse
135062 drd
135071 eroiroe
135072 kame no kotawashi
135074 nf-freak
135076 yugioh arc-v
135077 umai
135086 suzuoka chitose
135098 usaman senpai
135116 kancho
135121 kurosaki shun
135122 nitouhen
135124 fuguta-ke
135137 croriin
135143 ahoge kinoko
135171 gorou
135172 mult-work series
135177 hikaru toyama
135215 seto ryouko
135217 denyel
135218 reversible
135219 love-tan
135240 shiratamaya
135255 densetsu guji
135256 takemitsu tenta
135262 naminori kamome
135265 ebio
135268 el115
135275 hiropons
135277 yagen nankotsu
135281 futaba tsukushi
135300 doemutan
135331 males onl
135353 momoyamahato
135356 sparkling cookie
135357 herb cookie
135389 suehiro machi
135400 hoine shou
135401 studio galapagos
135402 supuratta
135404 shiratorizawa ai
135405 ura chacha seisaku iinkai
135406 wazatsuma kitsuna
135409 incest inseki
135411 gachirin
135414 penny dreadful
135461 tatsuko
135465 makochiya
135468 salad resort
135469 cerbe3
135471 food on body
135475 haburashi
135523 teriyaki sasami
135529 yamazu
135531 umeda nautilus
135532 ushio kiyoshi
135534 slashpalooza
135535 clown
135578 scrivener lahn
135579 zenobia
135581 monster ken
135582 fugurisensen
135584 kouan
135611 misstta
135637 chikushi hirokazu
135644 bujidearu
135646 emiya alter
135648 gamecg
135656 tooth brushing
135662 gaisei
135663 azechi kiyoshi
135664 taiko no fang
135669 moodeter
135670 ochichio
135693 oshino
135694 oritsuki fumio
135722 zin crow
135725 weixiefashi
135729 mitsumura hachi
135732 kazu ryuu
135740 kiyoshi gasuya
135766 shimejimo
135770 muriyari
135777 free de la hoya
135778 lui shirosagi
135779 yaritsu
135786 personality excretion
135797 tripura shounen
135811 mon
135833 matsurino ato
135834 anal prolapse
135836 itou nao
135837 mayu ko
135888 torigara mayo
135895 shokushu teikoku
135901 fate grand roder
135907 kamu asa sori youtyuu zyou
135927 takeshinshi
135945 an-arc xxx
135957 kikimoraru
135962 sorya anmarida
135963 6channel
135964 uguisu se
135968 roppongi nyugyo
136003 dangomushi
136004 cercis
136022 pink no sukesuke
136023 kubo minako
136024 sexpistols
136026 fujino kaede
136027 hiiro uchiwa
136028 otetsuki
136029 tominokozoku
136030 pottenpurincho gyabin
136031 konton kurabu
136033 nihon brain-tou
136037 arumaito
136039 maina asakura
136040 yuuna asakura
136041 tagajyou grand fleet
136042 toyoda poem
136044 shitsuren restaurant om
136052 aidaruki
136054 seto natsutsuki
136055 shinei neko hakase
136056 u ally
136057 yukiusa
136058 chinpogge
136059 kichiku ruijinen-bu
136095 donkey
136106 teriyaki sasami donburi
136112 conjoined
136113 captain mizuki
136114 eruu
136117 aki-aw
136118 fujii-tei
136119 momomo doumei
136120 chii-chan no oshinagaki
136121 nanonepio
136122 nappa kaine
136127 iolite
136143 buranran
136174 im so blue
136220 yattsuhashi
136221 yoshuku
136222 kyuudai manken dennou
136224 nyowawa
136225 yawaraka aomame no on salad
136290 over rice
136293 ponchin x
136297 jureinomori
136299 nakamura denki
136305 arasa mama no watashi de iino
136329 fixed perpective
136340 shipu
136345 uni18
136348 animal on furry
136355 catame
136357 mimitako seijin
136360 keienu
136361 yukawa asam
136362 in bed
136371 juuichi gatsu
136375 curry aji
136376 retort
136378 sakuan
136380 makinomachi park
136382 nudism idiots
136385 chongera
136386 lake side
136390 dainzia
136391 usayama nico
136425 simaura
136426 terano haruna
136451 kureo kingyo
136453 torayarou
136466 makusu
136513 mushypeas
136525 eba uenihane
136526 cock ring
136529 pastime774
136535 saihou yuki
136570 sonora
136608 asakura r
136609 akatsuki sunsun
136610 komi shouko
136615 yamano murao
136667 adventitious mouth
136740 koikatsu
136803 sasaki kudoo
136806 penchapen
136807 themeless
136819 naka
136859 nyan dorosei
136860 deer
136861 kasai yukiha
136862 tsurumaki maki
136863 darkness sha
136864 darkness yuma
136870 itagaki hiro
136871 ushitoya
136879 ichimatsu dango
136880 delta studio
136893 rap
136896 taroimo tarou
136897 taroimobatake
136929 kiki seiran
136930 mitsuhide rouen
136932 jaguchi
136987 rabbit
137004 michio
137056 ryuunokke
137063 erosheee
137071 caption
137078 rin nanagami
137122 manbo
137125 buried stars
137126 han do-yoon
137128 hiyori tomoe
137129 ibara saegusa
137130 jun sazanami
137131 nagisa ran
137132 plant boy
137151 miso tanuki inka teitoku
137211 nitohen
137224 gender morph
137227 zakuro myurasu
137228 fishin and loli
137239 ochi
137247 hardcore
137253 mizusawahiro
137254 hirocan
137265 kirikizu kou
137289 non-h imageset
137290 kumagawa yuuichi
137309 nyama
137339 nurugai
137350 suzuki kenya
137461 osaru no kai
137462 circle utumno
137469 lhr
137472 kinmokusei no shiro
137474 shirasudon
137475 kagamino mochiko
137480 sanamaru
137481 ero cup
137485 jokuseiken
137488 sawaru na kiken
137489 furi furi youchien
137490 pawamaku
137491 angelfish
137492 kaori shimakura
137493 araragi himegiku
137494 priysantheme
137542 kayukan
137543 tana kayushi
137559 vegetablenabe
137560 yasai seikatsu
137561 suzurikawa wasabi
137611 mochinchi
137612 red miso soup
137619 satoru hoashi
137640 umizoko
137641 kepi
137678 rk-2
137684 yokando
137686 5base
137692 mameroku
137694 kanipon
137701 tokunaga poosaku
137705 yuuma toutetsu
137787 100 percent donmai
137788 natsuki shinobu
137791 nestkeeper
137820 vidro
137829 kedama no gonjiro
137837 aoi riku
137838 nedokoro mitsuki
137839 fuuzen no tomoshibi
137840 honeyroad
137905 sawadai
137907 kodomo oukoku
137914 bekobeko
137966 karou
137967 karouke
137977 shuroop
137999 una otomachi
138003 seika kyomachi
138012 stellar drop
138028 natsukawa kagari
138038 yoshinori
138044 exposed clothing
138050 nakagome
138060 clit stimulation
138116 shotashikan kyouwakoku
138137 kikakugai.extend
138138 cockslapping
138144 shimoshi
138146 aosaki hifumi
138158 keishouryaku
138160 ramanda
138181 sumou
138190 natto shiruko
138195 heikou sekai
138196 kayou arisa
138200 gender change
138203 ostrich
138204 hako no naka no imaginary
138205 kamatsukatei
138206 hyoukorarin
138207 paedosho nii-san
138245 momoen
138258 blue history
138259 kurotane
138267 rough grammar
138277 rough translation
138304 nomad joe
138305 tado jou
138310 bara manji
138311 hate sate club
138312 sate
138313 shokuyou arikui
138315 touka genteki
138351 mizuhara chitose
138352 outa-san
138353 tsp
138357 otokofutanari
138362 master chikushoudou
138363 econokicks
138375 wajima24
138376 nezumichiru
138417 date roku
138418 lion
138426 yioyituyu
138432 hlord recona
138444 karude taku
138484 agnes digital
138488 sansan
138507 shiyo
138508 manami ogura
138529 saita katsutoshi
138535 adventitious penis
138552 childbox
138553 burun babon
138554 warui hito
138562 teishibou chichi
138620 6no1
138634 short kami
138650 asia-kei gang
138651 tomonori iwaki
138662 komikkukyassuru junbi iinkai
138722 salmontofu
138728 shizuku yaegashi
138737 dennou figure alice
138738 yagami sai
138808 tarutoru
138809 sakura no tomoru hie
138823 sho utsumi
138862 jamta
138863 yumeharo
138879 toyono kitsune
138939 itao itsuko
138950 mikomachi
138952 eroshiku
138953 bump mania
138954 gokudou no isshun.
138955 ichinose nyan
138994 zakuro gari
139006 daiya owada
139025 ezelith
139041 yutto prime
139044 white tiger
139051 pyonchi
139100 isashiimiyo
139101 doku doku kinoko
139107 koeda mameko
139114 ashina mellow
139119 sk2b
139146 low incest
139151 michiko
139156 yang nari
139172 shizuma
139180 nexton
139196 imajin kouji
139203 fudonofudou
139204 penpenmaru
139205 produce
139209 kitsune bousouzoku
139212 panda girl
139213 miyazen
139215 ore to kakuni to abura soba
139222 santoka
139223 hananiarashi.
139235 oekaki ojisan
139236 virgo0901
139241 hachikyu
139242 white blood cell captain
139260 gomio
139261 lestart
139263 sanehara
139267 hatsuyuki sakura
139300 nanohito
139303 jar of elements
139321 union bust
139346 raid socks
139347 tricky
139377 toriaezu sasahara
139378 harekaze
139379 mala xiao longxia
139391 kairakuochisuki
139392 non-nude
139393 mouri toushirou
139406 hyoui no jikan
139434 kogetsu
139439 robot ponkottsu
139440 kankitsudou
139478 morimori kissaten
139480 china rose
139481 shounan rakujin society
139483 pori
139486 hanging
139491 toba minami
139497 kogure
139505 monkey boy
139530 project take 4
139531 laserbeam
139532 kinoko youchien
139533 mimutan
139534 nerima aki
139536 chie takemoto
139537 hirame hirayama
139541 nagomix
139543 teaser apron
139547 kido jirou
139595 mai mai miracle
139598 .labo
139599 hetare drops
139600 nadesico extacy
139634 hakoten
139640 minamo ruri
139641 freak studio
139645 stainless night
139646 sukezaemon
139647 101-goushitsu
139648 lidenskap
139650 mill
139651 chairo
139652 tawawa seimenjo
139654 hoshino iro
139664 vesves
139665 pallapalla
139666 cerecere
139672 refrevo comic
139692 closeranks
139698 kinei
139699 pavlov no neko
139701 ikahotaru
139702 okugai.
139706 haien kikan
139707 numata shizumu
139723 transparent clothing
139736 oohara keiji
139737 oohara-ya
139738 schwarz kastell
139739 puniket junbikai
139746 hogarakka plus
139747 dropwortbell
139748 suzushiro seri
139751 circle guri
139752 kurimaru satoshi
139753 onome shin
139756 v yuusha no kuse ni namaikida r
139778 moonlight laboratory
139797 chocolat lilou
139799 yunoyu
139800 peimond
139859 lady bat
139863 noriuma
139864 emumalik
139867 kojiin
139868 nokemon
139872 animal on animal
139873 teiryoku lolita
139895 imamo too
139896 hamidashi kanitama
139920 tontorotei
139921 high metal
139922 kamineta
139923 the future-retro hero story
139947 amane hayabusa
139984 fuwa nozomi
139985 gan-en
140031 yoshikichimaru
140032 yoshikichiya
140033 gekimabu
140061 amagyappa
140062 amane-san
140070 kakuu shoujo
140079 v.u.g
140080 wal
140085 35 machi
140086 lalala holiday
140121 mika misono
140123 kamo nanban
140125 kondou kisaki
140218 isekai higaeri manyuuki
140219 ice-medel
140220 maikage
140223 asashina
140224 horii
140231 shoudama potekora
140232 simasima
140247 tekkou bondo
140248 hanafubu
140274 waccha primagi
140275 takaedakanihasami
140317 saitou renji
140332 melina
140334 ichino milk
140373 otama jacuzzi
140374 casiopute
140375 tonezato honu
140378 capy shuupan
140381 zawa palette
140424 limsett
140427 okamoto nyohei
140434 shako punch
140439 teritama potekora
140459 flour spoon
140460 kamipack
140469 boukensha c
140479 noilpoisoncat
140521 yonah
140527 6tsuno87
140537 erorhythm
140539 crying
140540 nakahara mizuimo
140541 asagiya
140542 hida naria
140543 naisho da.
140544 xx-ya tte koto wa naisho da.
140548 r gakugu nanagou kenkyuushitsu
140581 suzushiro rei
140582 dropwort bell
140646 chocobeam
140648 haru hayate
140649 namazu chaya
140650 ultimate safaripark
140687 makai
140746 ere 2 aero
140794 miruki amauri
140795 kensaki tsurugi
140799 mariel legrand
140804 roji-ya
140836 terauchi takahiro
140837 zenzai monaka
140847 arcmothra
140875 774cake
140876 tiny planet
140883 asahina mafuyu
140884 yoisaki kanade
140890 defaced
140924 smalldom
140927 drogod
140929 alicia viewstream
140933 zinkurou
140937 consent
140938 plug
140956 akubinium
141008 sweetie.
141011 kissatei
141016 shuusuke takanashi
141018 shirishiri denbu club
141021 dmc juukou
141022 kokusai hihoukan
141023 yamajo
141065 kakisaki
141066 purplian
141070 takuan labo
141077 hokkete-sho
141098 nipple stimulation
141104 toaru majutsu no index
141105 toaru kagaku no railgun
141126 hoyhoy colo
141128 yaneurabeya
141129 devils tongue
141130 bikai
141132 sole pussyboy
141155 ishiinu tekkoujo
141169 doyou saburou
141170 jouyatou
141172 rim
141174 ma-maikea
141176 kokomi
141180 kaede isami
141207 skeleton knight in another world
141209 oudo mikito
141219 torotoro yume banana
141285 iikuni george
141287 kamiken
141288 manaita koubou
141289 miginaa
141290 eyebrows born
141335 rainbow zou
141357 nyaa no esa
141367 neko pan
141368 nijihashi sora
141395 ariane glenys lalatoya
141400 detached sleeves
141401 mistressmiko
141416 seinyanko gakuen
141433 horishiki
141452 utatane
141460 3dlive
141461 nako sir
141471 space ship
141491 yochiko
141507 dakko ja rrs 2nd
141513 vorefection
141514 kimetsutenshi. l
141517 pandaj
141524 greenleona
141525 villain
141527 rayasi
141535 taishou dokanism
141536 mt.sushi
141537 sushi yama
141539 game manual
141546 retractable penis
141565 tenmusu
141605 morimoriya
141606 shikanoo derako
141617 count mecha
141618 miime
141619 mito mitsukuni
141654 muroi
141666 choma
141667 soramame
141670 yami
141673 nerumesian
141723 a.m house
141726 pulque factory
141745 akuma no memu-memu-chan
141746 namakopie
141759 yagitei
141766 to hegemonicon
141769 makoyuki
141772 ritaomochi
141773 wararu
141774 the genie family
141775 yamanoya honpo
141776 enomaki
141777 itsumo no yatsu
141785 okuoku
141786 wakiya
141817 tenuwi
141818 universal 12
141822 kawai hiraku
141830 almirua
141850 delicious party precure
141852 shibaken gorou
141855 sake no ate
141856 sakeno tsumami
141858 juewang yuyi
141860 tuxig
141861 nodo
141867 nananto
141868 uenosuke
141873 s8403
141874 kaiten paradogs
141875 real doll
141903 mojihee
141911 puniru wa kawaii slime
141922 morokochiffon cake
141923 grand plie.
141924 nanahamu
141933 nishieda kinoe
141963 shachiku-san wa youjo yuurei ni iyasaretai.
141964 nanquanzl
141968 mr kurz
141972 ahoderasouryo
141985 touyou buzyutu gakkou
141986 akumakko
141998 sechi
141999 lostdragon01
142003 torobakoya
142022 robo z
142023 kogeta neko
142024 ookamikaze ryou
142025 press gear
142026 rariart
142031 vel
142042 yokota kazuyuki
142048 hokuyousuishi
142050 brr
142067 realporn
142072 faketale
142076 koonago
142105 kazuhiko
142113 nana-g
142123 kimtoxic
142128 hori yusuke
142131 yakaze
142132 yakaze 2000
142133 tadashi akira
142134 tadashigaki
142144 ragu
142150 nekoyama service
142160 hare
142176 izumo fuyusora
142199 chuuindou shoukai
142200 ushitora kimon
142202 kaedex
142206 nudism
142214 shinitate hokahoka zombie
142225 ninomae
142228 gyuunyuucha uma
142233 p-craft
142234 nauvvii
142252 nikuju
142263 war devil
142265 fujisaki chiro
142270 warrior of light
142272 schweinchen31
142303 okadaya tetuzoh
142305 hirota shimaguni
142319 pangohan
142325 chikuwa soft
142326 hisame sui
142340 syoumeiya
142341 elizabeth collar
142342 tobiume sayu
142356 falcons nest
142357 hayabusa takamaru
142358 junyomaru
142364 wai dei
142365 enidou`;

/** The lines above as id → name. */
export function nhentaiTagIds(): Record<string, string> {
  return tagIdPairs(NHENTAI_TAG_IDS);
}
