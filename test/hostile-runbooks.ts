/**
 * A folder of hostile runbooks: script payloads in every node a runbook has, in front matter, in file and
 * folder names, hidden with entities, case and invisible characters. Every payload that runs calls
 * `alert('pwned:…')` or sets `window.__pwned`, so a browser test can tell that one did.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** What each payload runs: an alert and a global, each naming the payload. */
const run = (label: string) => `alert('pwned:${label}');window.__pwned='${label}'`

/** The raw HTML payloads, each in a form that runs on load, on hover or on click. */
export const htmlPayloads = (label: string) => [
  `<script>${run(`${label}-script`)}</script>`,
  `<img src=x onerror="${run(`${label}-img`)}">`,
  `<svg onload="${run(`${label}-svg`)}"></svg>`,
  `<iframe srcdoc="<script>parent.${run(`${label}-srcdoc`)}</script>"></iframe>`,
  `<a href="javascript:${run(`${label}-a`)}">click</a>`,
  `<div onmouseover="${run(`${label}-hover`)}">hover</div>`,
  `<details open ontoggle="${run(`${label}-toggle`)}"><summary>s</summary></details>`
]

const inline = (label: string) => htmlPayloads(label).join(' ')

/** Link targets browsers would run, plain and disguised. */
export const scriptUrls = (label: string) => [
  `javascript:${run(`${label}-js`)}`,
  `JaVaScRiPt:${run(`${label}-case`)}`,
  `jav&#x61;script:${run(`${label}-entity`)}`,
  `java&#9;script:${run(`${label}-tab`)}`,
  `&#x20;javascript:${run(`${label}-space`)}`,
  `vbscript:msgbox("pwned:${label}-vb")`,
  `data:text/html;base64,${Buffer.from(`<script>${run(`${label}-data`)}</script>`).toString('base64')}`,
  `data:text/html,<script>${run(`${label}-data-plain`)}</script>`
]

/** Breaks out of a quoted attribute or the `<title>`, then runs. */
const breakout = (label: string) => `"><script>${run(`${label}-quote`)}</script><img src=x onerror=${run(`${label}-attr`)}>`

/** Front matter: every field a payload. */
const frontMatter = (label: string) => `---
title: ${JSON.stringify(`${breakout(`${label}-title`)} </title><script>${run(`${label}-title-close`)}</script>`)}
subtitle: ${JSON.stringify(breakout(`${label}-subtitle`))}
version: ${JSON.stringify(breakout(`${label}-version`))}
owner: ${JSON.stringify(breakout(`${label}-owner`))}
tags: [${JSON.stringify(breakout(`${label}-tag`))}]
---
`

/** A runbook with a payload in every kind of node. */
function hostileRunbook(label: string): string {
  const urls = scriptUrls(label)
  return `${frontMatter(label)}
# Hostile ${breakout(`${label}-h1`)}

${inline(`${label}-block`)}

Inline ${inline(`${label}-inline`)} text.

**Owner ${breakout(`${label}-field-label`)}**: ______
**Severity**: [ ] SEV-1 ${breakout(`${label}-choice`)} [ ] SEV-2

> [!WARNING]
> Callout ${inline(`${label}-callout`)}

!!! danger "${breakout(`${label}-admonition`)}"
    Admonition body ${breakout(`${label}-admonition-body`)}

## Steps ${breakout(`${label}-h2`)} <script>${run(`${label}-h2-raw`)}</script>

${urls.map((url, index) => `- [ ] Link ${index} [here](${url}) and ![image ${index}](${url})`).join('\n')}
- [ ] Autolink <javascript:${run(`${label}-autolink`)}>
- [ ] Reference [ref][evil-${label}] and image ![ref][evil-${label}]
- [ ] Titled [link](https://example.com/ "${breakout(`${label}-link-title`).replaceAll('"', '&quot;')}") and ![pic](https://example.com/pic.png "${breakout(`${label}-image-title`).replaceAll('"', '&quot;')}")
- [ ] Image alt ![${breakout(`${label}-alt`)}](https://images.example.org/x.png)
- [ ] Step with a command ${breakout(`${label}-item`)}
  \`\`\`html
  </code></pre><script>${run(`${label}-command`)}</script>
  \`\`\`
  - [ ] Nested ${inline(`${label}-nested`)}
    \`\`\`sh
    echo "</script><script>${run(`${label}-nested-command`)}</script>"
    \`\`\`
- [ ] Closes the embedded JSON </script><script>${run(`${label}-json`)}</script> and a comment <!-- --><script>${run(`${label}-comment`)}</script>
- [ ] Footnote[^${label}]

### ${inline(`${label}-h3`)}

| Role ${breakout(`${label}-th`)} | Name | Contact |
| :--- | :---: | ---: |
| ${inline(`${label}-td`)} | [cell](${urls[0]}) | ![cell](${urls[2]}) |
| <script>${run(`${label}-td-script`)}</script> | \`</td><script>${run(`${label}-td-code`)}</script>\` | ____ |

## ✅ Sign-off ${breakout(`${label}-signoff`)}

**Closed by ${breakout(`${label}-signature`)}**: ____________ **Reviewed by**: ____________

[^${label}]: Footnote ${inline(`${label}-footnote`)}

[evil-${label}]: ${urls[0]} "${breakout(`${label}-definition-title`).replaceAll('"', '&quot;')}"

\`\`\`html
<script>${run(`${label}-code`)}</script>
\`\`\`
`
}

/**
 * Writes the hostile runbooks into `dir`: `hostile.md` and its Korean edition, a file and a folder whose
 * names are payloads (the file system allows all but `/`), and a plain runbook linking to them. Returns
 * their paths.
 */
export function writeHostileFolder(dir: string): string[] {
  const nameFile = `x"><img src=x onerror=alert('pwned:file-name')>.md`
  const nameFolder = `"><svg onload=alert('pwned:folder-name')>`
  const files = ['hostile.md', 'hostile.ko.md', nameFile, `${nameFolder}/steps.md`, 'index-of-hostile.md']
  writeFileSync(join(dir, 'hostile.md'), hostileRunbook('en'))
  writeFileSync(join(dir, 'hostile.ko.md'), hostileRunbook('ko').replace('# Hostile', '# 악성'))
  writeFileSync(join(dir, nameFile), hostileRunbook('file'))
  mkdirSync(join(dir, nameFolder))
  writeFileSync(join(dir, nameFolder, 'steps.md'), hostileRunbook('folder'))
  writeFileSync(
    join(dir, 'index-of-hostile.md'),
    `# Index of hostile runbooks\n\n- [ ] [The hostile one](hostile.md)\n- [ ] [The named one](${encodeURI(nameFile)})\n- [ ] [The folder](${encodeURI(`${nameFolder}/steps.md`)})\n`
  )
  return files
}
