#!/usr/bin/env bash
#
# Deploy the Knowledge Database to AWS (ECR + ECS Fargate).
#
#   ./scripts/deploy-aws.sh production migrate   # run Alembic migrations as a one-off ECS task
#   ./scripts/deploy-aws.sh production push      # push knowledge-database:$VERSION to ECR
#   ./scripts/deploy-aws.sh production deploy    # register a task definition with that image, roll it out
#   ./scripts/deploy-aws.sh production status    # service, deployments and target health
#
# Used by production-deploy.md, "Deployment steps" (production-deploy.ko.md: "배포 단계").

set -euo pipefail

readonly SCRIPT_NAME="${0##*/}"
readonly AWS_REGION="${AWS_REGION:-ap-northeast-2}"
readonly IMAGE_NAME="knowledge-database"
VERSION="${VERSION:-$(git describe --tags --abbrev=0 2>/dev/null || echo latest)}"

usage() {
  cat <<EOF
Usage: ${SCRIPT_NAME} <production|staging> <migrate|push|deploy|status>

Environment:
  VERSION      image tag to push/deploy (default: latest git tag, now ${VERSION})
  AWS_REGION   default: ap-northeast-2
EOF
}

log() { printf '%s [deploy] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && { usage; exit 0; }
[[ $# -eq 2 ]] || { usage >&2; exit 2; }

ENVIRONMENT="$1"
COMMAND="$2"

case "$ENVIRONMENT" in
  production) CLUSTER="knowledge-cluster";         SERVICE="knowledge-service" ;;
  staging)    CLUSTER="knowledge-staging-cluster"; SERVICE="knowledge-staging-service" ;;
  *) usage >&2; die "unknown environment: ${ENVIRONMENT}" ;;
esac

case "$COMMAND" in
  migrate|push|deploy|status) ;;
  *) usage >&2; die "unknown command: ${COMMAND}" ;;
esac

for tool in aws jq; do command -v "$tool" >/dev/null || die "${tool} is not installed"; done

ACCOUNT_ID="$(aws sts get-caller-identity --query Account --output text)"
REGISTRY="${ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com"
ecs() { aws ecs --region "$AWS_REGION" "$@"; }

current_task_definition() {
  ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
    --query 'services[0].taskDefinition' --output text
}

cmd_migrate() {
  local taskdef network task_arn exit_code
  taskdef="$(current_task_definition)"
  network="$(ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
    --query 'services[0].networkConfiguration' --output json)"
  log "running 'alembic upgrade head' with ${taskdef##*/}"
  task_arn="$(ecs run-task --cluster "$CLUSTER" --launch-type FARGATE \
    --task-definition "$taskdef" --network-configuration "$network" \
    --overrides '{"containerOverrides":[{"name":"app","command":["alembic","upgrade","head"]}]}' \
    --query 'tasks[0].taskArn' --output text)"
  ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$task_arn"
  exit_code="$(ecs describe-tasks --cluster "$CLUSTER" --tasks "$task_arn" \
    --query 'tasks[0].containers[0].exitCode' --output text)"
  [[ "$exit_code" == "0" ]] || die "migration task exited with ${exit_code}; see /ecs/knowledge-${ENVIRONMENT}"
  log "migrations applied"
}

cmd_push() {
  command -v docker >/dev/null || die "docker is not installed"
  docker image inspect "${IMAGE_NAME}:${VERSION}" >/dev/null 2>&1 \
    || die "no local image ${IMAGE_NAME}:${VERSION}; run: docker build -t ${IMAGE_NAME}:${VERSION} ."
  aws ecr get-login-password --region "$AWS_REGION" \
    | docker login --username AWS --password-stdin "$REGISTRY"
  docker tag "${IMAGE_NAME}:${VERSION}" "${REGISTRY}/${IMAGE_NAME}:${VERSION}"
  docker push "${REGISTRY}/${IMAGE_NAME}:${VERSION}"
  log "pushed ${REGISTRY}/${IMAGE_NAME}:${VERSION}"
}

cmd_deploy() {
  local image new_arn
  image="${REGISTRY}/${IMAGE_NAME}:${VERSION}"
  aws ecr describe-images --region "$AWS_REGION" --repository-name "$IMAGE_NAME" \
    --image-ids imageTag="$VERSION" >/dev/null || die "${image} is not in ECR; run push first"
  new_arn="$(ecs describe-task-definition --task-definition "$(current_task_definition)" \
    --query taskDefinition --output json \
    | jq --arg image "$image" '.containerDefinitions[0].image = $image
        | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,
              .compatibilities, .registeredAt, .registeredBy)' \
    | ecs register-task-definition --cli-input-json file:///dev/stdin \
        --query 'taskDefinition.taskDefinitionArn' --output text)"
  log "registered ${new_arn##*/}"
  ecs update-service --cluster "$CLUSTER" --service "$SERVICE" \
    --task-definition "$new_arn" --query 'service.serviceName' --output text >/dev/null
  log "waiting for ${SERVICE} to become stable (rollback: ./scripts/rollback.sh ${ENVIRONMENT} app)"
  ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
  log "deployed ${VERSION} to ${ENVIRONMENT}"
}

cmd_status() {
  ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" --output table \
    --query 'services[0].{Service:serviceName,TaskDefinition:taskDefinition,Running:runningCount,Desired:desiredCount,Pending:pendingCount}'
  ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" --output table \
    --query 'services[0].deployments[].{Status:status,Rollout:rolloutState,TaskDefinition:taskDefinition,Running:runningCount}'
  local tg
  tg="$(ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \
    --query 'services[0].loadBalancers[0].targetGroupArn' --output text)"
  if [[ "$tg" == arn:* ]]; then
    aws elbv2 describe-target-health --region "$AWS_REGION" --target-group-arn "$tg" --output table \
      --query 'TargetHealthDescriptions[].{Target:Target.Id,Port:Target.Port,State:TargetHealth.State,Reason:TargetHealth.Reason}'
  fi
}

case "$COMMAND" in
  migrate) cmd_migrate ;;
  push)    cmd_push ;;
  deploy)  cmd_deploy ;;
  status)  cmd_status ;;
esac
