// Wall time and peak memory of a command and of every process it starts (Node, Pagefind, esbuild…),
// read from /proc while it runs: no /usr/bin/time needed. Linux only; elsewhere memory is left out.
import {spawn} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'

const hasProc = existsSync('/proc/self/status')

/** `{pid: ppid}` of every process on the machine. */
function parents() {
  const map = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      // The command name is in parentheses and may hold spaces: the fields after it are split.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      map.set(Number(name), Number(after[1]))
    } catch {
      // Gone between listing and reading.
    }
  }
  return map
}

/** The pid and every descendant of it. */
function tree(root) {
  const map = parents()
  const found = [root]
  for (let i = 0; i < found.length; i++) for (const [pid, ppid] of map) if (ppid === found[i]) found.push(pid)
  return found
}

/** `{name, hwm, rss}` in kB from /proc/PID/status, or undefined once the process is gone. */
function statusOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const field = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
    const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?'
    return {name, hwm: field('VmHWM'), rss: field('VmRSS')}
  } catch {
    return undefined
  }
}

/** A label for a process: Node, Pagefind or esbuild by its command, else its name. */
function labelOf(pid, name) {
  let command = ''
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {}
  if (/pagefind/i.test(command) || /pagefind/i.test(name)) return 'pagefind'
  if (/esbuild/.test(command)) return 'esbuild'
  if (name === 'node' || name === 'MainThread' || /\bnode\b/.test(command)) return 'node'
  return name
}

/**
 * Runs `command args` in `cwd` and measures it. Resolves to `{code, seconds, peakTreeMB, processes}`:
 * `processes` lists each process seen with its own peak (VmHWM) in MB; `peakTreeMB` is the largest sum of
 * the resident sizes of the processes alive at one sample (every 50 ms), the memory the build needs at once.
 */
export function measure(command, args, {cwd, env, log}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const seen = new Map()
    let peakTree = 0
    const sample = () => {
      if (!hasProc || child.pid === undefined) return
      let sum = 0
      for (const pid of tree(child.pid)) {
        const status = statusOf(pid)
        if (!status) continue
        sum += status.rss
        // Labelled and measured afresh when its name changes: a child is a fork of Node (its pages shared)
        // until it execs Pagefind or esbuild.
        let known = seen.get(pid)
        if (!known || known.name !== status.name) known = {name: status.name, label: labelOf(pid, status.name), hwm: 0}
        known.hwm = Math.max(known.hwm, status.hwm)
        seen.set(pid, known)
      }
      peakTree = Math.max(peakTree, sum)
    }
    const timer = setInterval(sample, 50)
    child.on('error', (error) => {
      clearInterval(timer)
      reject(error)
    })
    child.on('exit', (code) => {
      clearInterval(timer)
      const seconds = (performance.now() - started) / 1000
      if (code !== 0 && log) log(output)
      // Processes of one kind summed by their peaks (several esbuild workers, say), largest first.
      const byLabel = new Map()
      for (const {label, hwm} of seen.values()) {
        const entry = byLabel.get(label) ?? {label, count: 0, peakMB: 0}
        entry.count++
        entry.peakMB = Math.max(entry.peakMB, hwm / 1024)
        byLabel.set(label, entry)
      }
      resolvePromise({
        code,
        seconds,
        output,
        peakTreeMB: hasProc ? peakTree / 1024 : undefined,
        processes: [...byLabel.values()].sort((a, b) => b.peakMB - a.peakMB)
      })
    })
  })
}
