#!/usr/bin/env node
// @ts-check
'use strict';
// The `tikapi` command installed by `npm install` (package.json `bin`): the
// Rust command-line crate, linked into the addon.
const native = require('../native/index.cjs');

process.exitCode = native.cliMain(['tikapi', ...process.argv.slice(2)]);
