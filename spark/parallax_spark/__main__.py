"""``python -m parallax_spark ARTICLES OUT``: the job in local mode or on a cluster."""

from .job import main

main()
