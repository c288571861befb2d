# The web process and the task worker of docker-compose.yml (one image, two commands).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=glokal.settings.production

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt pyproject.toml ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Static files and compiled catalogues belong to the image; the values below exist only so
# that production settings load during the build.
RUN pip install --no-cache-dir --no-deps -e . \
    && SECRET_KEY=build ALLOWED_HOSTS=build python manage.py compile_translations \
    && SECRET_KEY=build ALLOWED_HOSTS=build python manage.py collectstatic --noinput
# The processes run as a user of their own, who may write the uploads and nothing else of the
# image (a new named volume takes the owner of the directory it is mounted on).
RUN useradd --system --no-create-home --home-dir /app --uid 10001 glokal \
    && mkdir -p /app/media /app/private \
    && chown glokal:glokal /app/media /app/private
USER glokal

EXPOSE 8000
CMD ["gunicorn", "-c", "site/gunicorn.conf.py", "glokal.wsgi:application"]
