"""Saved searches of the directory too: the page holding the search (a request board or a
directory index) and which of the two it is; existing searches are of request boards."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0019_answer_files"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField(model_name="savedsearch", old_name="board", new_name="page"),
        # A request board's id is its page's id: the rows keep pointing at the same page.
        migrations.AlterField(
            model_name="savedsearch",
            name="page",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.page",
            ),
        ),
        migrations.AddField(
            model_name="savedsearch",
            name="kind",
            field=models.CharField(
                choices=[("board", "Request board"), ("directory", "Directory")],
                default="board",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="savedsearch",
            name="query",
            field=models.CharField(blank=True, max_length=2000),
        ),
    ]
