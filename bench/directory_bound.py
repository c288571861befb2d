"""The fastest hand-written SQL for one directory search on PostgreSQL: the lower bound that
bench/directory_search.py compares the project's API with.

One statement does all the work of a search: the text match (the same tsquery over the same
GIN index the project uses), the filters, the page of 20 ordered by the same relevance, and
every disjunctive facet count (each facet under every other filter but its own).
"""

from directory.search import analysis, fulltext
from directory.search.query import relevance_sql

# Facet → the column of `f` (the matched organisations) it counts.
COLUMNS = {
    "country": "f.country",
    "org_type": "f.org_type",
    "size": "f.size",
    "region": "f.region_code",
}
LINKED = {
    "sector": ("directory_organisationpage_sectors", "sector_id", "directory_sector"),
    "certification": (
        "directory_organisationpage_certifications",
        "certification_id",
        "directory_certification",
    ),
}


def statement(locale_id, query, filters, confirmed_since, language="de"):
    """(sql, params) of one search; `filters` maps facet (country, org_type, size, region)
    to its selected values, as the API's query parameters do."""
    relevance, params = relevance_sql(analysis.query_tokens(query, language), "o")
    params.append(locale_id)
    text = ""
    if terms := analysis.query_terms(query, language):
        text = "AND to_tsvector('simple'::regconfig, o.search_tokens) @@ to_tsquery('simple', %s)"
        params.append(fulltext._boolean(terms, "{}:*", " & ", " | "))
    sql = f"""WITH f AS MATERIALIZED (
        SELECT o.page_ptr_id AS id, o.country, o.org_type, o.size, o.languages, o.is_seeking,
               o.last_confirmed, o.sort_title, r.code AS region_code, {relevance} AS relevance
        FROM directory_organisationpage o LEFT JOIN directory_region r ON r.id = o.region_id
        WHERE o.listed_locale_id = %s AND o.listed_live {text}
    )
    """

    def where(skip=None):
        chosen = [(facet, values) for facet, values in filters.items() if facet != skip]
        condition = " AND ".join(f"{COLUMNS[facet]} = ANY(%s)" for facet, _ in chosen)
        return condition or "TRUE", [values for _, values in chosen]

    every, every_params = where()
    selects = [
        (
            "SELECT 'page', p.title, 0 FROM (SELECT f.id, f.relevance, f.sort_title FROM f "
            f'WHERE {every} ORDER BY f.relevance DESC, f.sort_title COLLATE "C", f.id LIMIT 20) '
            "page JOIN wagtailcore_page p ON p.id = page.id",
            every_params,
        )
    ]
    for facet, column in COLUMNS.items():
        condition, condition_params = where(skip=facet)
        selects.append(
            (
                f"SELECT '{facet}', {column}, count(*) FROM f WHERE {condition} GROUP BY {column}",
                condition_params,
            )
        )
    for facet, (table, key, values) in LINKED.items():
        selects.append(
            (
                f"SELECT '{facet}', v.slug, count(*) FROM f JOIN {table} l ON "
                f"l.organisationpage_id = f.id JOIN {values} v ON v.id = l.{key} "
                f"WHERE {every} GROUP BY v.slug",
                every_params,
            )
        )
    selects += [
        (
            "SELECT 'language', code, count(*) FROM f, "
            f"unnest(string_to_array(f.languages, ',')) AS code WHERE {every} GROUP BY code",
            every_params,
        ),
        (
            f"SELECT 'seeking', NULL, count(*) FROM f WHERE f.is_seeking AND {every}",
            every_params,
        ),
        (
            f"SELECT 'confirmed', NULL, count(*) FROM f WHERE f.last_confirmed >= %s AND {every}",
            [confirmed_since, *every_params],
        ),
        (f"SELECT 'total', NULL, count(*) FROM f WHERE {every}", every_params),
    ]
    sql += "\nUNION ALL\n".join(select for select, _ in selects)
    for _, select_params in selects:
        params += select_params
    return sql, params
