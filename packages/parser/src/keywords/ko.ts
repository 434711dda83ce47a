import type {Keywords} from './types.js'

/** Korean vocabulary. */
export const ko: Keywords = {
  sectionKinds: [
    {kind: 'prerequisites', phrases: ['배포 전', '배포전', '사전 요구', '사전 준비', '사전 점검', '사전 확인', '사전 조건', '선행 조건', '전제 조건', '준비 사항', '준비']},
    {kind: 'procedure', phrases: ['배포 단계', '배포 절차', '작업 절차', '실행 절차', '절차', '단계', '작업 순서', '진행']},
    {kind: 'verification', phrases: ['배포 후 검증', '검증', '확인 사항', '점검', '테스트 결과', '스모크 테스트', '헬스 체크', '헬스체크']},
    {kind: 'rollback', phrases: ['롤백 절차', '롤백 계획', '롤백', '원복 절차', '원복', '되돌리기', '복구 절차'], standalone: true},
    {kind: 'golive', phrases: ['운영 개시', '운영 전환', '서비스 오픈', '오픈', '런칭', '출시', '전환']},
    {kind: 'followup', phrases: ['배포 후 작업', '후속 조치', '후속 작업', '사후 작업', '사후 조치', '배포 후 할 일']},
    {kind: 'contacts', phrases: ['연락처', '비상 연락', '연락망', '담당자 목록', '에스컬레이션'], standalone: true},
    {kind: 'signoff', phrases: ['승인', '서명', '결재', '확인자']},
    {kind: 'references', phrases: ['참고 문서', '참고 자료', '관련 문서', '참고', '참조 문서', '링크']},
    {kind: 'quickref', phrases: ['빠른 참조', '빠른 참고', '요약', '치트시트', '주요 명령어']}
  ],
  fieldKeys: {
    project: ['프로젝트', '프로젝트명', '서비스', '서비스명', '시스템'],
    version: ['버전', '릴리스 버전', '배포 버전'],
    date: ['배포 날짜', '배포 일자', '배포일', '날짜', '일자', '일시', '배포 일시'],
    time: ['시간', '시각', '배포 시간'],
    owner: ['담당자', '배포 담당자', '책임자', '작업자', '담당'],
    environment: ['환경', '배포 환경', '대상 환경'],
    notes: ['비고', '메모', '참고 사항', '특이사항', '특이 사항'],
    status: ['배포 상태', '상태', '결과', '배포 결과'],
    deployer: ['배포자', '수행자', '작업 수행자'],
    approver: ['승인자', '승인', '결재자'],
    reviewer: ['검토자', '리뷰어'],
    author: ['작성자'],
    signature: ['서명'],
    updated: ['최종 업데이트', '업데이트', '최종 수정', '수정일'],
    severity: ['심각도', '등급'],
    incidentCommander: ['사고 지휘관', '인시던트 커맨더', '사고 책임자']
  },
  signatureKeys: ['signature', 'approver', 'deployer', 'reviewer'],
  optionalMarkers: ['해당하는 경우', '해당 시', '해당시', '선택 사항', '선택사항', '선택', '필요시', '필요 시', '필요한 경우', '가능한 경우'],
  ordinalPatterns: [/^제?\s*(\d+)\s*단계/u, /^(\d+)\s*번째/u],
  timeframePatterns: [
    {unit: 'hour', pattern: /(\d+)\s*시간\s*차/u},
    {unit: 'day', pattern: /(\d+)\s*일\s*차/u},
    {unit: 'week', pattern: /(\d+)\s*주\s*차/u},
    {unit: 'month', pattern: /(\d+)\s*(?:개월|달)\s*차/u}
  ],
  triggerPatterns: [/(?:\s|발생|실패|오류|장애|필요)(?:시|경우|때)\s*[:：]?\s*$/u, /^만약\s/u],
  contactColumns: {
    role: ['역할', '직책', '담당', '구분', '팀'],
    name: ['이름', '성명', '담당자'],
    contact: ['연락처', '전화', '전화번호', '이메일', '휴대폰', '연락 방법'],
    escalation: ['에스컬레이션', '단계', '우선순위', '비상 단계']
  },
  admonitionKinds: {},
  evidenceMarks: {
    passed: ['통과', '성공'],
    failed: ['실패', '미통과'],
    conditions: ['시', '시에', '시에는', '경우', '경우에', '경우에는', '때', '때는', '때에는', '예정', '예상', '예', '예시']
  },
  footerVersionLabels: ['버전'],
  footerUpdatedLabels: ['최종 업데이트', '업데이트', '최종 수정', '수정일', '작성일']
}
