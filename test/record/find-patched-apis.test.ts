import { expect } from '@esm-bundle/chai';
import { findPatchedApis } from '../../src/record/find-patched-apis.js';
import { freshRealm } from '../../src/record/fresh-realm.js';

describe('findPatchedApis', () => {
  it('names what a page script replaced, even when it also replaced Function.prototype.toString', () => {
    const realm = freshRealm(window);
    const before = findPatchedApis(window, realm);
    const send = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'send')!;
    const toString = Object.getOwnPropertyDescriptor(Function.prototype, 'toString')!;
    const originalSend = send.value as (
      this: XMLHttpRequest,
      body?: Document | XMLHttpRequestBodyInit | null,
    ) => void;
    // What public scripts do: wrap send to strip events, and make the wrapper look native.
    Object.defineProperty(XMLHttpRequest.prototype, 'send', {
      ...send,
      value: function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
        originalSend.call(this, body);
      },
    });
    Object.defineProperty(Function.prototype, 'toString', {
      ...toString,
      value: () => 'function send() { [native code] }',
    });
    Object.defineProperty(document, 'visibilityState', { get: () => 'visible', configurable: true });
    try {
      const after = findPatchedApis(window, realm);
      expect(after).to.include.members(['XMLHttpRequest.prototype.send', 'document.visibilityState']);
      expect(before).to.not.include('XMLHttpRequest.prototype.send');
      expect(before).to.not.include('document.visibilityState');
    } finally {
      Object.defineProperty(XMLHttpRequest.prototype, 'send', send);
      Object.defineProperty(Function.prototype, 'toString', toString);
      delete (document as unknown as Record<string, unknown>).visibilityState;
    }
    expect(findPatchedApis(window, realm)).to.deep.equal(before);
  });
});
