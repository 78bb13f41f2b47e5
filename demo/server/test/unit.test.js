import assert from 'node:assert/strict';
import { test } from 'node:test';
import qs from 'qs';
import { gradeSubmission } from '../canvas/submission-grader.js';
import { maskToken, tokenMatchesSecret } from '../http/csrf-token.js';
import { parseNestedQuery } from '../http/rack-nested-params.js';
import { stringifyJsonIds } from '../http/stringify-json-ids.js';
import { ipAllowedByFilter } from '../lib/ip-filter.js';
import { rubyInteger, rubyRound, rubyToI, rubyTruthy } from '../lib/ruby.js';

const plain = (value) => JSON.parse(JSON.stringify(value));

test('rubyInteger follows Ruby Integer() (rescue nil)', () => {
  const cases = [
    ['2', 2n],
    [' 2 ', 2n],
    ['+3', 3n],
    ['-2', -2n],
    ['0', 0n],
    ['1_000', 1000n],
    ['0x1A', 26n],
    ['010', 8n],
    [2, 2n],
    [1.5, 1n],
    ['1.5', null],
    ['abc', null],
    ['', null],
    ['08', null],
    ['2abc', null],
    [null, null],
    [undefined, null],
    [true, null],
    [[1], null],
    [{}, null],
  ];
  for (const [input, expected] of cases) assert.equal(rubyInteger(input), expected, JSON.stringify(input));
});

test('rubyToI, rubyTruthy, rubyRound', () => {
  assert.equal(rubyToI('5abc'), 5);
  assert.equal(rubyToI('abc'), 0);
  assert.equal(rubyToI(''), 0);
  assert.equal(rubyTruthy('false'), true);
  assert.equal(rubyTruthy(''), true);
  assert.equal(rubyTruthy(0), true);
  assert.equal(rubyTruthy(false), false);
  assert.equal(rubyTruthy(null), false);
  assert.equal(rubyTruthy(undefined), false);
  assert.equal(rubyRound(-2.5), -3);
  assert.equal(rubyRound(2.5), 3);
});

test('Rack nested params: a repeated key starts a new hash (qs does not)', () => {
  const body =
    'quiz_submission_events[][event_type]=page_blurred&quiz_submission_events[][client_timestamp]=t1' +
    '&quiz_submission_events[][event_type]=page_focused&quiz_submission_events[][client_timestamp]=t2';
  assert.deepEqual(plain(parseNestedQuery(body)), {
    quiz_submission_events: [
      { event_type: 'page_blurred', client_timestamp: 't1' },
      { event_type: 'page_focused', client_timestamp: 't2' },
    ],
  });
  // The reason qs.parse is not used for this: it merges both events into one hash.
  assert.deepEqual(qs.parse(body), {
    quiz_submission_events: [
      { event_type: ['page_blurred', 'page_focused'], client_timestamp: ['t1', 't2'] },
    ],
  });
});

test('Rack nested params: hashes, arrays, last-wins, nil and escapes', () => {
  assert.deepEqual(plain(parseNestedQuery('a[b][c]=1&include[]=x&include[]=y&x=1&x=2&flag&s=a+b%2Bc')), {
    a: { b: { c: '1' } },
    include: ['x', 'y'],
    x: '2',
    flag: null,
    s: 'a b+c',
  });
  assert.deepEqual(plain(parseNestedQuery('e[][d][k]=1&e[][d][j]=2&e[][d][k]=3')), {
    e: [{ d: { k: '1', j: '2' } }, { d: { k: '3' } }],
  });
  assert.throws(
    () => parseNestedQuery('a=%zz'),
    (error) => error.statusCode === 400,
  );
  assert.throws(
    () => parseNestedQuery('a=1&a[b]=2'),
    (error) => error.statusCode === 400,
  );
});

test('string ids: id, *_id and *_ids at any depth, integers only', () => {
  const value = {
    id: 1,
    user_id: 2,
    quiz_ids: [3, 'x'],
    nested: [{ quiz_question_id: 4, questionId: 5 }],
    idea: 6,
    count: 7,
  };
  assert.deepEqual(stringifyJsonIds(value), {
    id: '1',
    user_id: '2',
    quiz_ids: ['3', 'x'],
    nested: [{ quiz_question_id: '4', questionId: 5 }],
    idea: 6,
    count: 7,
  });
});

test('ip filters: addresses, CIDR, netmasks, IPv4-mapped peers', () => {
  assert.equal(ipAllowedByFilter(null, '1.2.3.4'), true);
  assert.equal(ipAllowedByFilter('10.0.0.0/8', '10.9.8.7'), true);
  assert.equal(ipAllowedByFilter('10.0.0.0/8', '11.0.0.1'), false);
  assert.equal(ipAllowedByFilter('192.168.1.0/255.255.255.0, 203.0.113.7', '203.0.113.7'), true);
  assert.equal(ipAllowedByFilter('192.168.1.0/255.255.255.0', '::ffff:192.168.1.20'), true);
  assert.equal(ipAllowedByFilter('garbage', '1.2.3.4'), false);
});

test('CSRF: every masked token decodes to the secret; URL-encoded or foreign values do not', () => {
  const secret = Buffer.alloc(32, 7).toString('base64');
  const a = maskToken(secret);
  const b = maskToken(secret);
  assert.notEqual(a, b);
  assert.equal(tokenMatchesSecret(a, secret), true);
  assert.equal(tokenMatchesSecret(b, secret), true);
  assert.equal(tokenMatchesSecret(secret, secret), true);
  assert.equal(tokenMatchesSecret(encodeURIComponent(a), secret), a === encodeURIComponent(a));
  assert.equal(tokenMatchesSecret(maskToken(Buffer.alloc(32, 8).toString('base64')), secret), false);
  assert.equal(tokenMatchesSecret(undefined, secret), false);
});

test('grader: auto-graded types, partial credit, essay means pending_review', () => {
  const quizData = [
    {
      id: 1,
      question_type: 'multiple_choice_question',
      points_possible: 2,
      answers: [
        { id: 10, weight: 0 },
        { id: 11, weight: 100 },
      ],
    },
    {
      id: 2,
      question_type: 'multiple_answers_question',
      points_possible: 3,
      answers: [
        { id: 20, weight: 100 },
        { id: 21, weight: 100 },
        { id: 22, weight: 0 },
      ],
    },
    {
      id: 3,
      question_type: 'short_answer_question',
      points_possible: 1,
      answers: [{ id: 30, text: 'qla_events', weight: 100 }],
    },
  ];
  const data = {
    question_1: '11',
    question_2_answer_20: '1',
    question_2_answer_21: '0',
    question_2_answer_22: '0',
    question_3: ' QLA_events ',
  };
  const graded = gradeSubmission({
    quizData,
    submissionData: data,
    quizType: 'assignment',
    pointsPossible: 6,
  });
  assert.equal(graded.score, 2 + 1.5 + 1);
  assert.equal(graded.workflowState, 'complete');
  const withEssay = gradeSubmission({
    quizData: [...quizData, { id: 4, question_type: 'essay_question', points_possible: 5, answers: [] }],
    submissionData: {},
  });
  assert.equal(withEssay.score, 0);
  assert.equal(withEssay.workflowState, 'pending_review');
});
