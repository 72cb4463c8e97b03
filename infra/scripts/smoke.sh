#!/usr/bin/env bash
# Runs the built quick start (`node dist/infra/scripts/start.js`, what `npm start` runs after building)
# on a scratch database and port, then checks readiness, the printed demo login and the API docs.
set -euo pipefail
cd "$(dirname "$0")/../.."

port=${SMOKE_PORT:-3990}
db=rl_smoke_$$
log=$(mktemp)
export PORT=$port DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" QUEUE_PREFIX="rl-smoke-$$" LOG_LEVEL=warn
node dist/infra/scripts/start.js >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null || true
  redis-cli --scan --pattern "$QUEUE_PREFIX:*" | xargs -r redis-cli del >/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

for _ in $(seq 60); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "smoke: the quick start exited"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health/ready" | grep -q '"redis":{"status":"up"}'
grep -q 'coordinator@ghent.demo' "$log"
curl -fs "http://127.0.0.1:$port/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"coordinator@padua.demo","password":"demo-padua-coordinator"}' | grep -q '"city":"padua"'
curl -fs "http://127.0.0.1:$port/docs" | grep -qi 'swagger'
# The evidence demo: the seeded head is signed, and the key that verifies it is published.
token=$(curl -fs "http://127.0.0.1:$port/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"auditor@ghent.demo","password":"demo-ghent-auditor"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
curl -fs "http://127.0.0.1:$port/v1/cities/ghent/audit/checkpoints" -H "authorization: Bearer $token" | grep -q '"signature"'
curl -fs "http://127.0.0.1:$port/v1/public/keys" | grep -q '"algorithm":"Ed25519"'
# The glossary demo: Ghent's public glossary answers SKOS Turtle with at least 10 concepts.
test "$(curl -fs "http://127.0.0.1:$port/v1/public/cities/ghent/glossary" -H 'accept: text/turtle' | grep -cw 'a skos:Concept')" -ge 10
# The resources demo: Ghent offers one resource of each kind (once the worker has projected them).
kinds() {
  curl -fs "http://127.0.0.1:$port/v1/cities/ghent/resources" -H "authorization: Bearer $token" |
    grep -Eo '"kind":"(material|financial|knowledge)"' | sort -u | wc -l
}
for _ in $(seq 30); do test "$(kinds)" -eq 3 && break; sleep 1; done
test "$(kinds)" -eq 3
# The datasets demo: Ghent catalogues five entries, the collection tool assessed "replace".
datasets=$(curl -fs "http://127.0.0.1:$port/v1/cities/ghent/datasets" -H "authorization: Bearer $token")
test "$(echo "$datasets" | node -pe 'JSON.parse(require("fs").readFileSync(0)).length')" -eq 5
echo "$datasets" | grep -q '"verdict":"replace"'
# The follow demo: Ghent's official follows an indicator (told in-app when a term it links changes).
official=$(curl -fs "http://127.0.0.1:$port/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"official@ghent.demo","password":"demo-ghent-official"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
curl -fs "http://127.0.0.1:$port/v1/cities/ghent/me/follows" -H "authorization: Bearer $official" | grep -q '"indicatorId"'
# The budget demo: Padua's public budget shows its funded projects once the worker has projected them.
budget="http://127.0.0.1:$port/v1/public/cities/padua/budget"
for _ in $(seq 30); do curl -fs "$budget" | grep -q 'Homework clubs (illustrative)' && break; sleep 1; done
curl -fs "$budget" | grep -q 'Job coaching with evaluation (illustrative)'
# The mandates demo: the CSO collector's mandate ends within 30 days, and Ghent's coordinator is told in-app.
token=$(curl -fs "http://127.0.0.1:$port/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"coordinator@ghent.demo","password":"demo-ghent-coordinator"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
for _ in $(seq 30); do
  curl -fs "http://127.0.0.1:$port/v1/me/notifications" -H "authorization: Bearer $token" | grep -q '"kind":"mandate.expiring"' && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/v1/me/notifications" -H "authorization: Bearer $token" | grep -q '"kind":"mandate.expiring"'
# The meetings demo: Ghent's past results session is listed (the worker may still be catching up).
for _ in $(seq 1 10); do
  curl -fs "http://127.0.0.1:$port/v1/cities/ghent/meetings?kind=results" -H "authorization: Bearer $token" \
    | grep -q '"kind":"results"' && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/v1/cities/ghent/meetings?kind=results" -H "authorization: Bearer $token" | grep -q '"kind":"results"'
# The collection demo (as the coordinator): Ghent's labelled Kobo connection that pulls nothing.
connections="http://127.0.0.1:$port/v1/cities/ghent/collection-connections"
for _ in $(seq 30); do curl -fs "$connections" -H "authorization: Bearer $token" | grep -q 'not a real server' && break; sleep 1; done
curl -fs "$connections" -H "authorization: Bearer $token" | grep -q 'not a real server'
# The tasks demo: Ghent's tasks list holds the illustrative ones (once the worker has projected them).
token=$(curl -fs "http://127.0.0.1:$port/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"collector@ghent.demo","password":"demo-ghent-collector"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
tasks=0
for _ in $(seq 30); do
  tasks=$(curl -fs "http://127.0.0.1:$port/v1/cities/ghent/tasks" -H "authorization: Bearer $token" | grep -o '(illustrative)' | wc -l)
  test "$tasks" -ge 3 && break
  sleep 1
done
test "$tasks" -ge 3
# The collection tools: the Ghent collector's open assignment downloads as a spreadsheet template.
template_path=$(curl -fs "http://127.0.0.1:$port/v1/cities/ghent/me/assignments" -H "authorization: Bearer $token" \
  | node -pe 'JSON.parse(require("fs").readFileSync(0))[0].templatePath')
test "$(curl -fs -o /dev/null -w '%{content_type}' "http://127.0.0.1:$port$template_path" -H "authorization: Bearer $token")" \
  = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
# Public reads: open to any origin, tagged, licensed.
public_headers=$(curl -fsI "http://127.0.0.1:$port/v1/public/cities/ghent/indicators" -H 'origin: https://example.org' | tr -d '\r')
echo "$public_headers" | grep -qi '^access-control-allow-origin: \*$'
echo "$public_headers" | grep -qi '^etag: W/'
echo "$public_headers" | grep -qi '^link: <.*>; rel="license"$'
# The DCAT-AP catalogue: Ghent's public series and datasets, as Turtle a harvester reads.
test "$(curl -fs "http://127.0.0.1:$port/v1/public/cities/ghent/catalog" -H 'accept: text/turtle' | grep -cw 'a dcat:Dataset')" -ge 2
# The open-data demo: Ghent's evictions export blanks the small district and its complement (Q).
suppressed() {
  curl -fs "http://127.0.0.1:$port/v1/public/cities/ghent/data/OD-P1?format=csv" | grep -c ',,count,Q,'
}
for _ in $(seq 30); do test "$(suppressed)" -eq 2 && break; sleep 1; done
test "$(suppressed)" -eq 2
# The embeddable chart of that series: an SVG image.
test "$(curl -fs "http://127.0.0.1:$port/embed/cities/ghent/indicators/OD-P1.svg" | grep -c '^<svg xmlns="http://www.w3.org/2000/svg"')" -eq 1
# Its SDMX-CSV export (the demo mapping): the small district and its complement blank with OBS_STATUS Q.
test "$(curl -fs "http://127.0.0.1:$port/v1/public/cities/ghent/data/OD-P1?format=sdmx-csv" | grep -c ',,NUMBER,0,Q')" -eq 2
# The city's public page: HTML in Dutch.
curl -fs "http://127.0.0.1:$port/cities/ghent" | grep -q '^<html lang="nl">'
echo "smoke: quick start up, ready, demo login works, /docs served, demo head signed, demo glossary published, demo resources offered, demo datasets catalogued, demo follow, demo budget published, demo mandate expiry notified, demo meetings listed, demo tasks listed, demo template downloaded, demo collection connection listed, public reads open and tagged, DCAT-AP catalogue served, demo open data suppressed, demo chart embeddable, SDMX-CSV export mapped, public city page served"
