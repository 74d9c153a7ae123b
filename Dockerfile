# The platform's image: gunicorn (web), Celery (worker) and the one-shot
# migrate job all run it; docker-compose.yml ties them together.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint renders the PDF dossiers with Pango and HarfBuzz; fonts for its text.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 \
        shared-mime-info fonts-dejavu-core fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 --shell /usr/sbin/nologin cop
WORKDIR /app

# Dependencies first, in their own layer: rebuilt only when pyproject.toml changes.
# The project is not a package: install what pyproject.toml lists (no dev tools).
COPY pyproject.toml ./
RUN python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .

# Static files are collected at build time; the secret only has to satisfy the
# settings (DEBUG off needs one) and is never used at run time.
RUN DJANGO_DEBUG=0 \
    DJANGO_SECRET_KEY=collectstatic-at-build-time-only-this-is-not-the-runtime-secret \
    DATABASE_URL=postgres://build@127.0.0.1:1/never-connected \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media \
    && chown -R cop:cop /app/var

USER cop
ENV DJANGO_DEBUG=0 \
    DJANGO_MEDIA_ROOT=/app/var/media
EXPOSE 8000

# The number of gunicorn workers comes from WEB_CONCURRENCY (set in docker-compose.yml).
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--timeout", "60"]
