#!/usr/bin/env bash
# The step of action.yml: `relecteur check --format github` on the posts the pull request changed, and only
# on the lines it changed, so that its annotations land on the pull request's diff. Kept out of action.yml
# so that a test runs it as the runner does.
#
# Environment (set by action.yml):
#   RELECTEUR_BASE   the commit the changes are compared to (the pull request's base commit)
#   RELECTEUR_ARGS   more arguments for relecteur check, split on blanks (never evaluated by the shell)
#   RELECTEUR_ENTRY  the command line's entry point; by default the one built beside this script
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
entry="${RELECTEUR_ENTRY:-$here/../dist/src/cli.js}"
base="${RELECTEUR_BASE:-}"

if [ -z "$base" ]; then
  # \302\240: a no-break space before the colon, written as bytes so that no locale can change it.
  printf '::error title=Relecteur::Aucun commit de base\302\240: lancez l’action sur l’évènement pull_request, ou donnez-lui l’entrée base.\n'
  exit 2
fi

# actions/checkout fetches one commit by default: the base has to be fetched to diff against it.
if ! git cat-file -e "${base}^{commit}" 2>/dev/null; then
  git fetch --quiet --no-tags --depth=1 origin "$base"
fi

read -r -a extra <<<"${RELECTEUR_ARGS:-}"
exec node "$entry" check --format github --changed-since "$base" ${extra[@]+"${extra[@]}"}
