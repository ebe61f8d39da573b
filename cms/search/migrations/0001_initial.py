import django.db.models.deletion
from django.db import migrations, models

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_exact, title_folded, title_grams, body_exact, body_folded, body_grams,
        content='site_search_searchdocument', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'")""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON site_search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title_exact, title_folded, title_grams, body_exact, body_folded, body_grams)
        VALUES (new.id, new.title_exact, new.title_folded, new.title_grams, new.body_exact, new.body_folded, new.body_grams);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON site_search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_exact, title_folded, title_grams, body_exact, body_folded, body_grams)
        VALUES ('delete', old.id, old.title_exact, old.title_folded, old.title_grams, old.body_exact, old.body_folded, old.body_grams);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON site_search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_exact, title_folded, title_grams, body_exact, body_folded, body_grams)
        VALUES ('delete', old.id, old.title_exact, old.title_folded, old.title_grams, old.body_exact, old.body_folded, old.body_grams);
        INSERT INTO search_fts(rowid, title_exact, title_folded, title_grams, body_exact, body_folded, body_grams)
        VALUES (new.id, new.title_exact, new.title_folded, new.title_grams, new.body_exact, new.body_folded, new.body_grams);
    END""",
]
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        CREATE TEXT SEARCH CONFIGURATION vnip_search (COPY = simple);
    EXCEPTION WHEN duplicate_object THEN NULL; END $$""",
    """ALTER TEXT SEARCH CONFIGURATION vnip_search
        ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_part,
        hword_asciipart, hword_numpart WITH unaccent, simple""",
    """ALTER TABLE site_search_searchdocument
        ADD COLUMN exact_vec tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, title_exact), 'A') ||
            setweight(to_tsvector('simple'::regconfig, body_exact), 'C')) STORED,
        ADD COLUMN folded_vec tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('vnip_search'::regconfig, title_exact), 'A') ||
            setweight(to_tsvector('vnip_search'::regconfig, body_exact), 'C')) STORED,
        ADD COLUMN grams_vec tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, title_grams), 'A') ||
            setweight(to_tsvector('simple'::regconfig, body_grams), 'C')) STORED""",
    "CREATE INDEX search_folded_gin ON site_search_searchdocument USING gin (folded_vec)",
    "CREATE INDEX search_grams_gin ON site_search_searchdocument USING gin (grams_vec)",
]


def create_full_text(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop_full_text(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in ("search_fts_insert", "search_fts_delete", "search_fts_update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    initial = True
    dependencies = [("taxonomy", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("story", "Story"),
                            ("gallery", "Gallery"),
                            ("feed_item", "News item"),
                        ],
                        max_length=10,
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("language", models.CharField(db_index=True, max_length=20)),
                ("title", models.TextField()),
                ("body", models.TextField(blank=True)),
                ("url", models.CharField(max_length=2000)),
                ("section", models.CharField(blank=True, db_index=True, max_length=100)),
                ("date", models.DateTimeField(blank=True, db_index=True, null=True)),
                ("title_exact", models.TextField(blank=True)),
                ("title_folded", models.TextField(blank=True)),
                ("title_grams", models.TextField(blank=True)),
                ("body_exact", models.TextField(blank=True)),
                ("body_folded", models.TextField(blank=True)),
                ("body_grams", models.TextField(blank=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
                (
                    "province",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="taxonomy.province",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["language", "kind"], name="search_language_kind")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="unique_search_document"
                    )
                ],
            },
        ),
        migrations.RunPython(create_full_text, drop_full_text),
    ]
