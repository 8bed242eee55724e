"""``python -m reader``: the same entry point as the ``oqyrman`` command."""

from reader.cli import main

raise SystemExit(main())
