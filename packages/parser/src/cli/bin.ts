#!/usr/bin/env node
import {writeOnAfterReaderLeaves} from './closed-pipe.js'
import {main} from './main.js'

writeOnAfterReaderLeaves(process.stdout)
writeOnAfterReaderLeaves(process.stderr)

process.exitCode = await main(process.argv.slice(2))
