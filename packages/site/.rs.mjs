const {main} = await import('@runsheet/site/cli')
process.exitCode = await main(process.argv.slice(2))
