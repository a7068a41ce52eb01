#!/usr/bin/env bash
# push.sh REPO TAG SEED [PLATFORM...]: pushes a tiny image (or an OCI index of one image per platform) to 127.0.0.1:5055
set -euo pipefail
reg=http://127.0.0.1:5055; repo=$1; tag=$2; seed=$3; shift 3
blob() { # uploads stdin as a blob, prints its digest
  local f; f=$(mktemp); cat > "$f"; local d="sha256:$(sha256sum "$f" | cut -d' ' -f1)"
  local loc; loc=$(curl -sf -X POST -D - -o /dev/null "$reg/v2/$repo/blobs/uploads/" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
  case "$loc" in http*) ;; *) loc="$reg$loc";; esac
  curl -sf -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$f" "$loc&digest=$d" >/dev/null
  echo "$d $(stat -c %s "$f")"; rm -f "$f"
}
image() { # PLATFORM REF: pushes one manifest, prints "digest size"
  local os=${1%%/*} arch=${1#*/}
  read -r ld ls < <(printf 'layer %s %s' "$seed" "$1" | gzip -n | blob)
  read -r cd cs < <(printf '{"architecture":"%s","os":"%s","rootfs":{"type":"layers","diff_ids":[]},"config":{"Labels":{"seed":"%s"}}}' "$arch" "$os" "$seed" | blob)
  local m; m=$(printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%s}]}' "$cd" "$cs" "$ld" "$ls")
  local md="sha256:$(printf '%s' "$m" | sha256sum | cut -d' ' -f1)"
  curl -sf -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "$m" "$reg/v2/$repo/manifests/${2:-$md}" >/dev/null
  echo "$md ${#m}"
}
if [ $# -eq 0 ]; then image linux/amd64 "$tag" | cut -d' ' -f1; exit; fi
entries=()
for p in "$@"; do read -r d s < <(image "$p" ""); entries+=("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"$d\",\"size\":$s,\"platform\":{\"os\":\"${p%%/*}\",\"architecture\":\"${p#*/}\"}}"); done
idx=$(printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s]}' "$(IFS=,; echo "${entries[*]}")")
curl -sf -X PUT -H 'Content-Type: application/vnd.oci.image.index.v1+json' --data-binary "$idx" "$reg/v2/$repo/manifests/$tag" >/dev/null
echo "sha256:$(printf '%s' "$idx" | sha256sum | cut -d' ' -f1)"
