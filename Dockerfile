# RCM Records under gunicorn. Built and run by docker-compose.yml (see README, "Deploy").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# pg_dump/pg_restore for `manage.py backup_database` / `restore_database`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml requirements.lock README.md ./
COPY rcm ./rcm
COPY meetings ./meetings
COPY agreements ./agreements
COPY consultations ./consultations
COPY networks ./networks
COPY finance ./finance
COPY pages ./pages
RUN pip install -c requirements.lock .
COPY . .

# collectstatic needs settings, not a database: give it placeholders that are never used.
RUN DATABASE_URL=postgres://build@localhost/build SECRET_KEY=build-only \
    python manage.py collectstatic --noinput --verbosity 0

RUN useradd --create-home --uid 1000 rcm && mkdir -p /app/media && chown rcm /app/media
USER rcm

EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py load_records && exec gunicorn rcm.wsgi:application --bind 0.0.0.0:8000 --workers ${GUNICORN_WORKERS:-3} --access-logfile - --forwarded-allow-ips='*'"]
