/** The help of each site command, as `runsheet <command> --help` prints it. */
export const help = {
  build: `Usage: runsheet build DIR [options]

Builds a static site from every *.md under DIR (recursively): a home page listing
the runbooks, one page per runbook, and a Pagefind search index at pagefind/.
Unresolved links are reported as file:line:col warnings.

Options:
  --out DIR        Where to write the site (default: dist, in the current folder).
                   Its contents are replaced by the new site (a .git in it is kept).
                   Refused: the runbook folder, a folder above it, a file-system
                   root, and a folder of files that runsheet build did not make
                   (see --force). A DIR/dist is not read as runbooks.
  --force          Replace an --out folder even if it holds other files
  --base PATH      The path the site is served under, e.g. /docs/ (default: /)
  --site URL       The site's public URL, for canonical and hreflang links
  --strict         Fail (exit 1) when any link is unresolved
  --lang ko|en     The language of the home page at the root (default: the language
                   most runbooks are written in, English on a tie); the other one
                   is at /<lang>/
  --title TEXT     The site's name in the header (default: Runsheet)
  --repo-url URL   Where repository files are browsed, to link non-runbook files,
                   e.g. https://github.com/org/repo/blob/main/runbooks
  --no-search      Skip the search index
  --search-index-size N
                   The most pages in one part of the search index (default: 2000);
                   a larger site gets several parts, merged by the search box, so
                   that indexing needs bounded memory
  --cache DIR      Where to keep what a rebuild reuses, so that it parses only the
                   changed files and renders only the pages that show them
                   (default: node_modules/.cache/runsheet/ in the nearest
                   node_modules above the current folder, if any)
  --no-cache       Parse and render everything, and keep nothing
  --front-end NAME What reads the markdown: auto (default: satteri, which Astro
                   installs, where it loads; else remark), remark or satteri.
                   All give the same model; satteri is about ten times faster
  -q, --quiet      Print only problems
  -h, --help       Show this help`,
  dev: `Usage: runsheet dev DIR [options]

Serves the site of the runbooks under DIR with live reload: editing, adding or
removing a runbook reloads the page.

Options:
  --port N         Port to listen on (default: 4321)
  --host HOST      Address to listen on (default: 127.0.0.1; 0.0.0.0 for the network)
  --base PATH      The path the site is served under (default: /)
  --lang ko|en     The language of the home page at the root
  --title TEXT     The site's name in the header (default: Runsheet)
  --repo-url URL   Where repository files are browsed
  --front-end NAME What reads the markdown: auto (default), remark or satteri
  -h, --help       Show this help`,
  preview: `Usage: runsheet preview [DIR] [options]

Serves a built site (default DIR: dist) as a static web server would.

Options:
  --port N         Port to listen on (default: 4322)
  --host HOST      Address to listen on (default: 127.0.0.1)
  --base PATH      The path the site was built for with --base (default: /)
  -h, --help       Show this help`,
  pdf: `Usage: runsheet pdf FILE|DIR [options]

Prints runbooks to PDF through the site's own pages and print styles, in headless
Chromium (Debian's package, /usr/bin/chromium, or $CHROMIUM_PATH): a form to work
through with a pen and sign, with a running header (title, version, date), page
numbers and a short hash of the source on every page.

A FILE gives one PDF; any file you name is read as a runbook, whatever its
extension (a folder is searched for *.md). A DIR gives one PDF with a cover and a table of contents
(with --split, one PDF per runbook, in the folder --out names).

Options:
  --out PATH        Where to write (default: NAME.pdf in the current folder;
                    with --split, the folder NAME-pdf)
  --paper A4|Letter Paper size (default: A4)
  --record FILE     Print the record of a run (a run-mode JSON export): ticks,
                    filled values, choices and the time of each tick
  --split           One PDF per runbook of DIR
  -q, --quiet       Print only problems
  -h, --help        Show this help`,
  main: `Usage: runsheet <build|dev|preview|pdf> ...

Commands:
  build DIR       Build a static site from the runbooks under DIR
  dev DIR         Serve the site with live reload
  preview         Serve a built site
  pdf FILE|DIR    Print runbooks to PDF (A4 or Letter)

Run 'runsheet <command> --help' for a command's options.`
} as const
