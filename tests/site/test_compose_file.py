"""docker-compose.yml, checked offline: `docker compose` cannot run on these machines.

It must be valid under the Compose Specification's schema (vendored in compose_spec/), every
variable it needs must be written into .env by the README's "Production set-up", and its
Elasticsearch must be a 9.x release the pinned client is guaranteed to talk to.
"""

import json
import re
from pathlib import Path

import jsonschema_rs
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
SCHEMA = Path(__file__).resolve().parent / "compose_spec" / "compose-spec.json"
ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:"
# Compose's interpolation: $$ (a literal $), ${NAME}, ${NAME:-default}, ${NAME-default},
# ${NAME:?message}, ${NAME?message}, ${NAME:+value}, ${NAME+value}, or $NAME.
INTERPOLATION = re.compile(
    r"\$\$|\$\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?P<modifier>:?[-?+][^}]*)?\}"
    r"|\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)"
)


def compose_text():
    return COMPOSE.read_text()


def compose_file():
    return yaml.safe_load(compose_text())


def needed_variables(text):
    """Variables compose must find in the environment or .env: those without a default."""
    needed = set()
    for match in INTERPOLATION.finditer(text):
        name = match["braced"] or match["bare"]
        modifier = match["modifier"] or ""
        if name and not modifier.lstrip(":").startswith(("-", "+")):
            needed.add(name)
    return needed


def readme_env_file():
    """The variables the README's set-up writes into .env."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Production set-up", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"cat > \.env <<\S*\n(.*?)\n\s*ENV\n", section, re.S)
    assert block, "the README's set-up writes no .env"
    return {line.split("=", 1)[0].strip() for line in block[1].splitlines() if "=" in line}


def version(text):
    return tuple(int(part) for part in text.split("."))


def test_the_compose_file_is_valid_under_the_compose_specification():
    validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text()))
    errors = [
        f"{'/'.join(map(str, error.instance_path))}: {error.message}"
        for error in validator.iter_errors(compose_file())
    ]
    assert errors == []


def test_the_schema_finds_mistakes():
    # A misspelt key and an unknown dependency condition, as `docker compose config` refuses.
    validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text()))
    broken = compose_file()
    broken["services"]["web"]["helthcheck"] = {"test": ["CMD", "true"]}
    broken["services"]["worker"]["depends_on"] = {"postgres": {"condition": "service_ready"}}
    paths = {tuple(error.instance_path) for error in validator.iter_errors(broken)}
    assert ("services", "web") in paths
    assert ("services", "worker", "depends_on") in paths


def test_every_dollar_sign_is_an_interpolation_compose_understands():
    # A stray "$" would be read as a variable (or refused) by compose.
    leftover = INTERPOLATION.sub("", compose_text())
    assert "$" not in leftover


def test_the_readme_writes_every_variable_the_compose_file_needs():
    needed = needed_variables(compose_text())
    assert {"POSTGRES_PASSWORD", "ELASTIC_PASSWORD"} <= needed
    assert needed <= readme_env_file()


def test_a_missing_password_stops_compose_with_its_name():
    # Without ":?" compose would start PostgreSQL and Elasticsearch with an empty password.
    for name in ("POSTGRES_PASSWORD", "ELASTIC_PASSWORD"):
        # "$${NAME}" is a literal for the container's shell, not an interpolation.
        uses = re.findall(r"(?<!\$)\$\{" + name + r"([^}]*)\}", compose_text())
        assert uses and all(use.startswith(":?") for use in uses), name


def test_the_app_services_get_the_production_settings_they_need():
    services = compose_file()["services"]
    for name in ("web", "worker"):
        environment = services[name]["environment"]
        assert environment["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert services[name]["env_file"] == ".env"
        assert set(services[name]["depends_on"]) == {"postgres", "redis", "elasticsearch"}


def test_uploads_and_private_files_outlive_the_containers():
    # Without a volume, renewing a container (every upgrade) would delete the files.
    compose = compose_file()
    for name in ("web", "worker"):
        service = compose["services"][name]
        mounts = dict(reversed(volume.split(":")[:2]) for volume in service["volumes"])
        for setting in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
            path = service["environment"][setting]
            assert mounts.get(path) in compose["volumes"], (name, setting)


@pytest.fixture
def elasticsearch_tag():
    image = compose_file()["services"]["elasticsearch"]["image"]
    assert image.startswith(ELASTICSEARCH_IMAGE), image
    tag = image.removeprefix(ELASTICSEARCH_IMAGE)
    # ${ELASTICSEARCH_VERSION:-9.5.6}: the default is the release the set-up installs.
    match = re.fullmatch(r"\$\{ELASTICSEARCH_VERSION:-(\d+\.\d+\.\d+)\}|(\d+\.\d+\.\d+)", tag)
    assert match, tag
    return match[1] or match[2]


def test_elasticsearch_is_a_9_release_the_pinned_client_talks_to(elasticsearch_tag):
    requirements = (ROOT / "requirements.txt").read_text()
    client = re.search(r"^elasticsearch==(\S+)$", requirements, re.M)[1]
    server = version(elasticsearch_tag)
    assert server[0] == 9 == version(client)[0]
    # Clients are forward compatible only: a server older than the client's minor may lack
    # what the client sends.
    assert server[:2] >= version(client)[:2], (elasticsearch_tag, client)


def test_the_readme_names_the_same_elasticsearch_release(elasticsearch_tag):
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Production set-up", 1)[1].split("\n## ", 1)[0]
    assert f"Elasticsearch {elasticsearch_tag}" in section
