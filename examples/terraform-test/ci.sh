#!/usr/bin/env bash
# A CI job's steps, as the README shows them: start the local cloud in the background, wait on
# its health route, point terraform at it, run `terraform test`. Run from this folder, with
# `ecs-image` on the PATH (`npm i -g ecs-image`, or `npx ecs-image` in a project).
# ECS_IMAGE_PORT (default 8787) and ECS_IMAGE_DATA (default a temporary folder) move it.
set -euo pipefail

port="${ECS_IMAGE_PORT:-8787}"
data="${ECS_IMAGE_DATA:-$(mktemp -d)}"

ecs-image serve --port "$port" --data "$data" --image-creation-seconds 1 > "$data/serve.json" 2> "$data/serve.log" &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true' EXIT

# The health route answers without a token once the cloud is up (503 while its store is not).
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/_ecs-image/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$serve_pid" 2>/dev/null; then cat "$data/serve.log" >&2; exit 1; fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/_ecs-image/health"
echo

eval "$(ecs-image env --data "$data")"
terraform test -no-color
