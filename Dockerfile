# The portal's image: one image for the web process (gunicorn), the Celery worker and Celery beat.
# See docker-compose.yml for how they are run together, and .env.example for the settings.

# --- Stage 1: front end ------------------------------------------------------------------------
# GOV.UK Frontend comes from npm and the portal's stylesheet is compiled with sass; neither is
# committed, so they are built here and only the results are copied into the runtime image.
FROM node:20-bookworm-slim AS frontend

WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY static/scss ./static/scss
RUN npm run build

# --- Stage 2: runtime --------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime

# PYTHONPATH: the code runs from /app (settings find templates/, static/ and node_modules/
# relative to opcc/), so /app must win over the copy `pip install .` puts in site-packages.
# DJANGO_DEBUG=0: the image is for deployment; DEBUG stays off unless turned on deliberately.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_DEBUG=0

# WeasyPrint's system libraries (it draws PDFs with Pango and subsets fonts with HarfBuzz).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        fonts-dejavu-core \
        fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, from pyproject.toml and the pins alone, so a code change does not
# reinstall them.
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --no-cache-dir -c constraints.txt -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Then the portal itself.
COPY . .
RUN pip install --no-cache-dir -c constraints.txt . \
    && rm -rf build *.egg-info

# Front-end results from stage 1: GOV.UK Frontend (served as /static/govuk/) and the compiled CSS.
COPY --from=frontend /build/node_modules/govuk-frontend ./node_modules/govuk-frontend
COPY --from=frontend /build/static_build ./static_build

# Collect and compress the static files for whitenoise. The values here exist only for this
# command; the real SECRET_KEY and hosts come from the environment at run time.
RUN DJANGO_DEBUG=0 SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# Uploaded and generated files (PRIVATE_FILES_ROOT); mount a volume shared by web and worker here.
# The directory is created owned by `app` so that a new named volume inherits that ownership.
RUN mkdir -p /app/var/private \
    && chown -R app:app /app/var

USER app

EXPOSE 8000

CMD ["gunicorn", "opcc.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-"]
