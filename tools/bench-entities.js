// The comparison side of make bench-entities: compromise (npm) over the
// same articles, people + places + organizations of each.
// Usage: node tools/bench-entities.js ARTICLES.json  (a JSON array of texts)
// Prints one JSON line: seconds, entities.
const fs = require('fs');
const path = require('path');
const lib = require(path.resolve('build/bench-npm/node_modules/compromise'));
const nlp = lib.default || lib;
const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const t0 = process.cpuUsage();
let entities = 0;
for (const t of texts) {
  const doc = nlp(t);
  entities += doc.people().length + doc.places().length + doc.organizations().length;
}
const used = process.cpuUsage(t0); // CPU time: the figure per core, whatever else runs
const secs = (used.user + used.system) / 1e6;
console.log(JSON.stringify({ seconds: secs, entities: entities }));
