// Run by `npm run compile`: writes the format schemas as code (see precompileFormatSchemas).
import { precompileFormatSchemas } from './shape.js';

precompileFormatSchemas();
