// `npm run bench`: prints every benchmark's figures. Timings are printed, never asserted.
import { benchBuild } from './build.js';
import { benchCatalogue } from './catalogue.js';
import { benchDocs } from './docs.js';
import { benchValidate } from './validate.js';

benchCatalogue();
await benchDocs();
await benchValidate();
benchBuild();
