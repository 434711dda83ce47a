/**
 * A worker thread of the parse pool (`parse-pool.ts`): parses the runbooks it is handed, one message each,
 * and answers with the model, the messages as data and the paths it checked.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {loadFrontEnd} from '@runsheet/parser'
import {existsIn} from './collect.js'
import {messageData} from './message-data.js'
import {parseFile, type SiteParseOptions} from './parse-file.js'
import type {ParseJob, ParseAnswer, WorkerSettings} from './parse-pool.js'

const settings = workerData as WorkerSettings
const exists = existsIn(settings.root, settings.linksWithin)
const options: SiteParseOptions = {...settings.options, frontEnd: await loadFrontEnd(settings.frontEnd)}

parentPort!.on('message', (job: ParseJob) => {
  let answer: ParseAnswer
  try {
    const parsed = parseFile(job.path, job.value, exists, options)
    answer = {index: job.index, runbook: parsed.runbook, messages: parsed.messages.map(messageData), probes: parsed.probes}
  } catch (error) {
    answer = {index: job.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error)}
  }
  parentPort!.postMessage(answer)
})
