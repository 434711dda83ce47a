/** Usage text per command. */
export const help = {
  main: `Usage: runsheet <command> [options]

Commands:
  parse FILE            print the runbook model as JSON
  lint PATH...          report problems in runbooks (files or folders)
  format FILE           write the runbook back as markdown (normalised)
  schema [runbook|record]  print the JSON Schema of the model or of a run record
  build DIR             build a static site from every *.md under DIR   (@runsheet/site)
  dev DIR               serve the site with live reload                  (@runsheet/site)
  preview [DIR]         serve a built site                               (@runsheet/site)
  pdf FILE|DIR          print runbooks to PDF                             (@runsheet/site)

Options:
  -h, --help            show help (also: runsheet <command> --help)
  -v, --version         show the version`,
  parse: `Usage: runsheet parse FILE [options]

Prints the runbook model (the root object is the \`runbook\` node) as JSON on stdout.
Diagnostics go to stderr; the exit code is 1 when one of them is an error. FILE - reads
standard input (its links resolved from --root).

Options:
  --root DIR            resolve relative links against DIR (default: the current folder)
  --lang ko|en|mixed    override the detected language
  --no-positions        leave out source positions
  --compact             one line of JSON instead of indented
  --max-size SIZE       refuse files larger than SIZE (bytes, or 500KB, 5MB; default 5MB)
  --front-end NAME      what reads the markdown: auto (default: satteri where installed, else
                        remark), remark or satteri; all give the same model`,
  lint: `Usage: runsheet lint PATH... [options]

Checks every markdown file under PATH (folders are walked) and prints
\`file:line:col  severity  message  rule\`. Exit code 1 when there is an error.
A PATH of - reads standard input, named <stdin> in the messages.

Options:
  --root DIR            resolve relative links against DIR (default: the current folder)
  --format lines|vfile  one line per message (default) or grouped per file (vfile-reporter)
  --quiet               print errors only
  --max-size SIZE       refuse files larger than SIZE (bytes, or 500KB, 5MB; default 5MB)
  --front-end NAME      what reads the markdown: auto (default: satteri where installed, else
                        remark), remark or satteri; all give the same model`,
  format: `Usage: runsheet format FILE [options]

Writes the runbook back as markdown on stdout: the parse, written by toMarkdown.
FILE - reads standard input.

Options:
  --record FILE         write in a run record (JSON exported from run mode): ticks, values, choices
  --max-size SIZE       refuse files larger than SIZE (bytes, or 500KB, 5MB; default 5MB)
  --front-end NAME      what reads the markdown: auto (default: satteri where installed, else
                        remark), remark or satteri; all give the same model`,
  schema: `Usage: runsheet schema [runbook|record]

Prints the JSON Schema (draft 2020-12) of the runbook model (default) or of a run record.`
} satisfies Record<string, string>
