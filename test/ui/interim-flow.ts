import {loadFlowText} from '../../src/flow/load-flow.js';
import {vocabulary} from '../../src/engine/vocabulary.js';
import type {Flow} from '../../src/flow/types.js';

/*
The built-in flow's questions and probing steps, with the steps whose checks have not landed yet left out
(HAR and paste import, response readers, owner checks). Texts are copied from flows/fix403.yaml so the
frames the tests assert read the same.
*/
const text = `
id: fix403
title: Why does this request answer 403 Forbidden?
version: 1
start: helping
nodes:
  helping:
    ask:
      id: helping
      kind: confirm
      prefill: agent
      text: Are you troubleshooting this for someone else (as support)?
      help: In support-agent mode the questions are phrased for you to relay, evidence comes from what the customer gives you, and the session ends with a ticket-ready transcript.
      default: 'no'
    next: who
  who:
    ask:
      id: role
      kind: choice
      prefill: role
      text: Who are you in this story?
      agentText: Who is the customer in this story?
      help: A visitor gets what a visitor can do (and a transcript to send the owner); an API developer gets header- and token-level fixes; a site owner on the server gets the server change, with file and line.
      choices:
        - {value: visitor, label: "I'm visiting a page or downloading a file"}
        - {value: api, label: "I'm calling an API from code or a script"}
        - {value: owner, label: "I run this site, and I'm on its server"}
      default: visitor
    next: evidence
  evidence:
    next:
      - when: {type: agent-mode}
        to: agent-source
      - when: {type: all, params: {of: [{type: probing-allowed}, {type: input-has, params: {field: url}}]}}
        to: consent
      - to: ask-url
  agent-source:
    ask:
      id: source
      kind: choice
      text: What do you have from the failing request?
      agentText: What has the customer given you from the failing request?
      choices:
        - {value: paste, label: 'Pasted response headers (curl -i / curl -v output, DevTools "Copy response headers")'}
        - {value: url, label: Only the URL — probe it from here}
      default: url
    next:
      - when: {type: answer-is, params: {question: source, equals: paste}}
        to: ask-paste
      - to: ask-url
  ask-url:
    ask:
      id: url
      kind: text
      prefill: url
      validate: url
      text: Which URL answers 403?
      agentText: Which URL does the customer get 403 on?
      help: The full address, with https:// — copy it from the address bar or your code.
    next: consent
  consent:
    ask:
      id: consent
      kind: confirm
      text: fix403 will send up to {max} requests to {host}, at most 4 at a time, each changing one thing. Go ahead?
      agentText: fix403 will send up to {max} requests to {host} from this machine's network (not the customer's). Go ahead?
      default: 'yes'
    next:
      - when: {type: answer-is, params: {question: consent, equals: 'no'}}
        to: nothing-to-read
      - to: probe
  ask-paste:
    ask:
      id: headers
      kind: paste
      prefill: headersFile
      text: Paste the response (curl -i or curl -v output, or the response headers from DevTools), then an empty line.
      agentText: Ask the customer for the response headers (DevTools → Network → the 403 request → "Copy response headers") and paste them, then an empty line.
      default: ''
    next: nothing-to-read
  probe:
    title: Sending your request
    run: [{check: probe-request}]
    next:
      - when: {type: response-status, params: {class: [2xx, 3xx]}}
        to: passes-here
      - when: {type: has-response}
        to: vary
      - to: unreachable
  vary:
    title: Changing one thing at a time
    run: [{check: vary-user-agent}, {check: vary-referer}, {check: vary-cookies}, {check: vary-token}, {check: vary-method}, {check: vary-path}]
    next: verdict
  verdict:
    conclude:
      status: diagnosed
      summary: The 403 from {host} is explained by the evidence below.
  passes-here:
    ask:
      id: still-fails
      kind: confirm
      text: Your request answered {status} from here. Does it still fail where you are (browser or app)?
      agentText: The request answered {status} from here. Does it still fail for the customer?
      default: 'no'
    next:
      - when: {type: answer-is, params: {question: still-fails, equals: 'yes'}}
        to: verdict
      - to: not-reproduced
  not-reproduced:
    conclude:
      status: not-reproduced
      summary: '{url} answered {status} to your request from here: the 403 did not happen.'
  unreachable:
    conclude:
      status: unreachable
      summary: 'The request got no HTTP answer: {failure}.'
  nothing-to-read:
    conclude:
      status: inconclusive
      summary: There was no failing response to diagnose — give a URL, a HAR file with the 403 in it, or the pasted response.
`;

export function interimFlow(): Flow {
	return loadFlowText(text, 'interim-flow.yaml', vocabulary);
}
