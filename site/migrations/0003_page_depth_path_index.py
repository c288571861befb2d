"""An index on Wagtail's page tree by (depth, path).

Every page renders the main menu: the home page's live children, found by depth and a path
range. Without this index the database walks every descendant in the range — with tens of
thousands of directory profiles below the home page, the slowest query of each page.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("glokal", "0002_locales_and_home_pages"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS glokal_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS glokal_page_depth_path",
        )
    ]
