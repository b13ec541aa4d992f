"""Entry for ``spark-submit spark/submit.py ARTICLES OUT``: runs parallax_spark.job."""

from parallax_spark.job import main

main()
