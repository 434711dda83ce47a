#!/usr/bin/env node
// The `runsheet` command. This file is in git, not built: npm links a package's bins when it installs it,
// before `prepare` builds `dist/`, so a bin that pointed into `dist/` would be missing after the first
// `npm install` of a fresh clone.
import '../dist/cli/bin.js'
