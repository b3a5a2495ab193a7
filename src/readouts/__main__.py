from readouts.cli import run

run()
