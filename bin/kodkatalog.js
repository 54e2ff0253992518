#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/lib (run `npm run compile` first).
import { main } from '../dist/lib/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
