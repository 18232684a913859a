// The project needs Node 22 (WXT, Vitest). `npm run` puts the `node` devDependency's binary first on PATH.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Tagveil needs Node 22 or later; this is ${process.version}. Run it through "npm run …" after "npm install".`,
  );
  process.exit(1);
}
