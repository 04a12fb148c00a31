// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { offsetOf, pointAt, rangeFor, readText } from '../../lib/compose/textmap';

/** Builds an editable from markup without innerHTML (the lint rule holds in tests too). */
function editable(markup: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<div id="root" contenteditable="true">${markup}</div>`, 'text/html');
  const root = document.importNode(doc.getElementById('root')!, true) as HTMLElement;
  document.body.replaceChildren(root);
  return root;
}

const exclude = (el: Element) => el.matches('.gmail_quote, .gmail_signature, .gmail_signature_prefix');

describe('readText: lines the way the editor sees them', () => {
  it.each([
    ['plain text', 'hello', 'hello'],
    ['divs are lines (Gmail)', '<div>line1</div><div>line2</div>', 'line1\nline2'],
    ['an empty div with a <br> is an empty line', '<div>line1</div><div><br></div><div>line4</div>', 'line1\n\nline4'],
    ['an empty first line', '<div><br></div><div>x</div>', '\nx'],
    ['a <br> inside a line breaks it', '<div>a<br>b</div>', 'a\nb'],
    ['a <br> that ends its block adds nothing', '<div>a<br></div><div>b</div>', 'a\nb'],
    ['a <br> right before a block adds nothing', 'a<br><div>b</div>', 'a\nb'],
    ['two <br> at the end of a block make one empty line', '<div>a<br><br></div><div>b</div>', 'a\n\nb'],
    ['text then a block', 'hello<div>world</div>', 'hello\nworld'],
    ['paragraphs (CKEditor)', '<p>a</p><p>b</p>', 'a\nb'],
    ['CKEditor’s filler <br> in an empty paragraph', '<p>a</p><p><br data-cke-filler="true"></p><p>c</p>', 'a\n\nc'],
    ['a trailing empty paragraph', '<p>a</p><p><br data-cke-filler="true"></p>', 'a\n'],
    ['inline formatting is transparent', '<div>お<b>問い</b>合わせ<i>ありがとう</i></div>', 'お問い合わせありがとう'],
    ['zero-width caret fillers are not text', '<p>ab\u2060\u2060\u2060c</p>', 'abc'],
    ['source-formatting white space is not text', '\n  <div>a</div>\n  <div>b</div>\n', 'a\nb'],
    ['spaces inside a line are kept as they are', '<div>a&nbsp; b</div>', 'a\u00a0 b'],
    ['nested blocks', '<div><div>a</div><div>b</div></div><div>c</div>', 'a\nb\nc'],
    ['list items', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
  ])('%s', (_why, markup, expected) => {
    expect(readText(editable(markup)).text).toBe(expected);
  });

  it('skips quoted history and the signature (Gmail)', () => {
    const root = editable(
      '<div dir="ltr">田中様</div><div dir="ltr">確認いたします。</div><br>' +
        '<div><br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br>' +
        '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">佐藤 / Acme サポート</div></div>' +
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">2025年1月10日 田中 宏 wrote:<br></div>' +
        '<blockquote class="gmail_quote">商品が届きません。</blockquote></div>',
    );
    const { text } = readText(root, { exclude });
    expect(text).not.toMatch(/佐藤|届きません|wrote|--/);
    expect(text.startsWith('田中様\n確認いたします。')).toBe(true);
  });
});

describe('the map back to the DOM', () => {
  const markup =
    '<div>田中様</div><div>お世話に<b>なって</b>おります。</div><div><br></div><div>ご注文の件、確認しました。</div>';

  it('every span inside a line maps to a Range with exactly that text', () => {
    const root = editable(markup);
    const map = readText(root);
    const lines = map.text.split('\n');
    let offset = 0;
    for (const line of lines) {
      for (let a = 0; a <= line.length; a++) {
        for (let b = a; b <= line.length; b++) {
          expect(rangeFor(map, offset + a, offset + b, root).toString()).toBe(line.slice(a, b));
        }
      }
      offset += line.length + 1;
    }
  });

  it('a span across lines covers both lines’ text', () => {
    const root = editable(markup);
    const map = readText(root);
    const start = map.text.indexOf('様');
    const end = map.text.indexOf('世') + 1;
    expect(rangeFor(map, start, end, root).toString().replace(/\s/g, '')).toBe('様お世');
  });

  it('an insertion at the end of a line stays in that line; the empty line is inside its own div', () => {
    const root = editable(markup);
    const map = readText(root);
    const endOfLine2 = map.text.indexOf('おります。') + 'おります。'.length;
    const p = pointAt(map, endOfLine2, 'backward', root);
    expect(p.node.nodeType).toBe(3);
    expect((p.node as Text).data).toBe('おります。');
    expect(p.offset).toBe('おります。'.length);

    const emptyLine = endOfLine2 + 1;
    const empty = root.children[2]!;
    expect(pointAt(map, emptyLine, 'backward', root)).toEqual({ node: empty, offset: 0 });
    expect(pointAt(map, emptyLine, 'forward', root)).toEqual({ node: empty, offset: 0 });

    const line4 = emptyLine + 1;
    const f = pointAt(map, line4, 'forward', root);
    expect((f.node as Text).data).toBe('ご注文の件、確認しました。');
    expect(f.offset).toBe(0);
  });

  it('maps a caret inside a text node back to its offset', () => {
    const root = editable(markup);
    const map = readText(root);
    const bold = root.querySelector('b')!.firstChild!;
    expect(offsetOf(map, bold, 1)).toBe(map.text.indexOf('なって') + 1);
    expect(offsetOf(map, root, 0)).toBeUndefined();
  });

  it('an empty editor maps everything to its start', () => {
    const root = editable('<div><br></div>');
    const map = readText(root);
    expect(map.text).toBe('');
    const r = rangeFor(map, 0, 0, root);
    expect(r.collapsed).toBe(true);
  });

  it('fillers inside a text node split it into runs that still map exactly', () => {
    const root = editable('<p>ab\u2060\u2060cd</p>');
    const map = readText(root);
    expect(map.text).toBe('abcd');
    expect(rangeFor(map, 1, 3, root).toString()).toBe('b\u2060\u2060c');
    expect(rangeFor(map, 2, 4, root).toString()).toBe('cd');
  });
});
