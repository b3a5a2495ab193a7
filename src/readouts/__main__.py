from readouts.cli import main

raise SystemExit(main())
