// `npm run bench`: prints every benchmark's figures. Timings are printed, never asserted.
import { benchCatalogue } from './catalogue.js';
import { benchDocs } from './docs.js';

benchCatalogue();
await benchDocs();
