#!/usr/bin/env bash
#
# Roll an ECS service back to the task definition revision it ran before.
#
#   ./scripts/rollback.sh production app
#   ./scripts/rollback.sh production app --emergency
#   ./scripts/rollback.sh staging worker --to 41
#
# See the "Rollback procedure" section of production-deploy.md
# (production-deploy.ko.md: "롤백 절차") for when to run this.

set -euo pipefail

readonly SCRIPT_NAME="${0##*/}"
readonly AWS_REGION="${AWS_REGION:-ap-northeast-2}"
readonly WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-900}"

usage() {
  cat <<EOF
Usage: ${SCRIPT_NAME} <environment> <component> [--emergency] [--to <revision>] [--dry-run]

Roll an ECS service back to its previous task definition revision.

Arguments:
  environment     production | staging
  component       app | worker

Options:
  --emergency     skip the confirmation prompt and the in-progress deployment check
  --to <rev>      roll back to this revision instead of the one before the current
  --dry-run       print what would change, change nothing
  -h, --help      show this message

Environment:
  AWS_REGION             default: ap-northeast-2
  WAIT_TIMEOUT_SECONDS   how long to wait for the service to become stable (default: 900)
EOF
}

log()  { printf '%s [rollback] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }

# --- arguments ---------------------------------------------------------------

[[ $# -eq 0 ]] && { usage >&2; exit 2; }
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
[[ $# -lt 2 ]] && { usage >&2; exit 2; }

ENVIRONMENT="$1"
COMPONENT="$2"
shift 2

EMERGENCY=false
DRY_RUN=false
TARGET_REVISION=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --emergency) EMERGENCY=true ;;
    --dry-run)   DRY_RUN=true ;;
    --to)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || die "--to needs a numeric revision"
      TARGET_REVISION="$2"
      shift
      ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

case "$ENVIRONMENT" in
  production) CLUSTER="knowledge-cluster";         PREFIX="knowledge" ;;
  staging)    CLUSTER="knowledge-staging-cluster"; PREFIX="knowledge-staging" ;;
  *) usage >&2; die "unknown environment: ${ENVIRONMENT} (expected production or staging)" ;;
esac

case "$COMPONENT" in
  app)    SERVICE="${PREFIX}-service" ;;
  worker) SERVICE="${PREFIX}-worker" ;;
  *) usage >&2; die "unknown component: ${COMPONENT} (expected app or worker)" ;;
esac

command -v aws >/dev/null || die "the aws CLI is not installed"
aws sts get-caller-identity --query Arn --output text >/dev/null \
  || die "no valid AWS credentials (run: aws sso login)"

ecs() { aws ecs --region "$AWS_REGION" "$@"; }

# --- find the current and the target revision --------------------------------

CURRENT_ARN="$(ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
  --query 'services[0].taskDefinition' --output text)"
[[ "$CURRENT_ARN" == arn:* ]] || die "service ${SERVICE} not found in cluster ${CLUSTER}"

FAMILY_REVISION="${CURRENT_ARN##*/}"      # knowledge-app-production:42
FAMILY="${FAMILY_REVISION%:*}"
CURRENT_REVISION="${FAMILY_REVISION##*:}"

if [[ "$EMERGENCY" == false ]]; then
  IN_PROGRESS="$(ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
    --query 'length(services[0].deployments[?rolloutState==`IN_PROGRESS`])' --output text)"
  [[ "$IN_PROGRESS" == "0" ]] \
    || die "a deployment is still in progress on ${SERVICE}; wait for it or use --emergency"
fi

if [[ -n "$TARGET_REVISION" ]]; then
  [[ "$TARGET_REVISION" -lt "$CURRENT_REVISION" ]] \
    || die "--to ${TARGET_REVISION} is not older than the current revision ${CURRENT_REVISION}"
  TARGET_ARN="$(ecs describe-task-definition --task-definition "${FAMILY}:${TARGET_REVISION}" \
    --query 'taskDefinition.taskDefinitionArn' --output text)" \
    || die "revision ${FAMILY}:${TARGET_REVISION} does not exist"
else
  TARGET_ARN=""
  for arn in $(ecs list-task-definitions --family-prefix "$FAMILY" --status ACTIVE \
      --sort DESC --query 'taskDefinitionArns[]' --output text); do
    if [[ "${arn##*:}" -lt "$CURRENT_REVISION" ]]; then
      TARGET_ARN="$arn"
      break
    fi
  done
  [[ -n "$TARGET_ARN" ]] || die "no ACTIVE revision of ${FAMILY} older than ${CURRENT_REVISION}"
fi

TARGET_IMAGE="$(ecs describe-task-definition --task-definition "$TARGET_ARN" \
  --query 'taskDefinition.containerDefinitions[0].image' --output text)"

log "environment : ${ENVIRONMENT} (${AWS_REGION})"
log "service     : ${CLUSTER}/${SERVICE}"
log "current     : ${FAMILY_REVISION}"
log "roll back to: ${TARGET_ARN##*/} (${TARGET_IMAGE})"
[[ "$EMERGENCY" == true ]] && log "EMERGENCY mode: no confirmation, no in-progress check"

if [[ "$DRY_RUN" == true ]]; then
  log "dry run: nothing changed"
  exit 0
fi

# --- confirm and roll back ---------------------------------------------------

if [[ "$EMERGENCY" == false ]]; then
  [[ -t 0 ]] || die "not a terminal; confirm interactively or pass --emergency"
  read -r -p "Type the service name (${SERVICE}) to roll back: " answer
  [[ "$answer" == "$SERVICE" ]] || die "confirmation did not match; nothing changed"
fi

ecs update-service --cluster "$CLUSTER" --service "$SERVICE" \
  --task-definition "$TARGET_ARN" --force-new-deployment \
  --query 'service.deployments[0].id' --output text >/dev/null
log "update-service sent; waiting up to ${WAIT_TIMEOUT_SECONDS}s for the service to become stable"

if timeout "$WAIT_TIMEOUT_SECONDS" aws ecs wait services-stable --region "$AWS_REGION" \
    --cluster "$CLUSTER" --services "$SERVICE"; then
  RUNNING="$(ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
    --query 'services[0].[taskDefinition,runningCount,desiredCount]' --output text)"
  log "stable: ${RUNNING}"
  log "next: run the smoke tests and update the incident report"
else
  log "service did not become stable in time; check the ECS events:"
  log "  aws ecs describe-services --cluster ${CLUSTER} --services ${SERVICE} --query 'services[0].events[:10]'"
  exit 1
fi
