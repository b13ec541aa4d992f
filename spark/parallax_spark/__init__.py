"""Parallax on Apache Spark: see ``parallax_spark.job``."""
