import { describe, expect, it } from 'vitest';
import { HAVE_REAL_PAGES, realPage } from '../../tests/real-pages';
import { hitomiGallery, hitomiWorks, parseGalleryScript } from './hitomi-data';

interface RawTag {
  tag: string;
  female?: string;
  male?: string;
}

describe.skipIf(!HAVE_REAL_PAGES)('hitomi.la galleries/<id>.js', () => {
  it.each(['galleries-1674850.js', 'galleries-2058075.js'])(
    '%s: every tag, female/male as namespaces',
    (file) => {
      const script = realPage('hitomi', file);
      // The oracle: the literal read independently of the parser (everything from the first brace).
      const truth = JSON.parse(script.slice(script.indexOf('{'))) as {
        id: string;
        title: string;
        tags: RawTag[];
      };
      const [gallery] = hitomiWorks(script);
      expect(gallery?.id).toBe(truth.id);
      expect(gallery?.title).toBe(truth.title);
      const expected = truth.tags.map((t) =>
        t.female === '1' ? `female:${t.tag}` : t.male === '1' ? `male:${t.tag}` : t.tag,
      );
      const found = gallery?.tags
        .filter((t) => t.namespace === undefined || t.namespace === 'female' || t.namespace === 'male')
        .map((t) => (t.namespace ? `${t.namespace}:${t.name}` : t.name));
      expect(found).toEqual(expected);
      expect(gallery?.tags).toContainEqual({
        namespace: 'type',
        name: (truth as unknown as { type: string }).type,
      });
    },
  );

  it('reads newer files’ numeric flags and names of artists and series', () => {
    const g = hitomiGallery({
      id: 7,
      title: 't',
      tags: [
        { tag: 'netorare', female: 1, male: 0 },
        { tag: 'x', male: 1 },
      ],
      artists: [{ artist: 'someone' }],
      parodys: [{ parody: 'original' }],
    });
    expect(g?.tags).toEqual([
      { namespace: 'female', name: 'netorare' },
      { namespace: 'male', name: 'x' },
      { namespace: 'artist', name: 'someone' },
      { namespace: 'series', name: 'original' },
    ]);
    expect(g?.creators).toEqual(['someone']);
  });

  it('never runs the script: anything but one JSON literal gives nothing', () => {
    expect(parseGalleryScript('var galleryinfo = {"id": "1"}; alert(1)')).toBeNull();
    expect(parseGalleryScript('var galleryinfo = (function(){return {}})()')).toBeNull();
    expect(parseGalleryScript('var other = {"id":"1"}')).toBeNull();
    expect(hitomiWorks('var galleryinfo = {"id":"abc"}')).toEqual([]);
    expect(parseGalleryScript('// c\nvar galleryinfo = {"id":"1"};\n')).toEqual({ id: '1' });
  });
});
