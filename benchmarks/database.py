"""A fresh PostgreSQL database for a benchmark, made before Django starts."""

import dj_database_url
import psycopg


def recreate_database(url: str) -> None:
    """Drop and create the database named in ``url``; other engines are left alone."""
    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        return
    server = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
    }
    with psycopg.connect(**server, dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{config["NAME"]}"')
