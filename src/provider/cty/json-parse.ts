/**
 * A JSON parser that keeps what cty needs and JSON.parse loses: numbers as their exact
 * text (state files hold integers beyond 2^53 and decimals beyond float64), and object
 * members as a Map (no prototype keys, duplicate keys keep the last, like Go).
 */

export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonNode = null | boolean | string | JsonNumber | readonly JsonNode[] | ReadonlyMap<string, JsonNode>;

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

const MAX_DEPTH = 1000;

export function parseJson(text: string): JsonNode {
  const parser = new Parser(text);
  const node = parser.value(0);
  parser.end();
  return node;
}

class Parser {
  readonly #text: string;
  /** Sticky, so it matches exactly at #pos; per parser because lastIndex is state. */
  readonly #numberRe = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  #pos = 0;

  constructor(text: string) {
    this.#text = text;
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw this.#error('nesting too deep');
    this.#ws();
    const c = this.#text[this.#pos];
    switch (c) {
      case '{':
        return this.#object(depth);
      case '[':
        return this.#array(depth);
      case '"':
        return this.#string();
      case 't':
        return this.#literal('true', true);
      case 'f':
        return this.#literal('false', false);
      case 'n':
        return this.#literal('null', null);
      default:
        return this.#number();
    }
  }

  end(): void {
    this.#ws();
    if (this.#pos !== this.#text.length) throw this.#error('unexpected text after the JSON value');
  }

  #object(depth: number): ReadonlyMap<string, JsonNode> {
    this.#pos++;
    const out = new Map<string, JsonNode>();
    this.#ws();
    if (this.#text[this.#pos] === '}') {
      this.#pos++;
      return out;
    }
    for (;;) {
      this.#ws();
      if (this.#text[this.#pos] !== '"') throw this.#error('expected a string key');
      const key = this.#string();
      this.#ws();
      this.#expect(':');
      out.set(key, this.value(depth + 1));
      this.#ws();
      const c = this.#text[this.#pos++];
      if (c === '}') return out;
      if (c !== ',') throw this.#error("expected ',' or '}'", -1);
    }
  }

  #array(depth: number): JsonNode[] {
    this.#pos++;
    const out: JsonNode[] = [];
    this.#ws();
    if (this.#text[this.#pos] === ']') {
      this.#pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.#ws();
      const c = this.#text[this.#pos++];
      if (c === ']') return out;
      if (c !== ',') throw this.#error("expected ',' or ']'", -1);
    }
  }

  #string(): string {
    const start = this.#pos;
    this.#pos++;
    for (;;) {
      const i = this.#text.indexOf('"', this.#pos);
      if (i < 0) throw this.#error('unterminated string');
      let backslashes = 0;
      for (let j = i - 1; j > start && this.#text[j] === '\\'; j--) backslashes++;
      this.#pos = i + 1;
      if (backslashes % 2 === 0) break;
    }
    try {
      // The slice is a complete JSON string literal; let the engine unescape it.
      return JSON.parse(this.#text.slice(start, this.#pos)) as string;
    } catch {
      throw this.#error('invalid string literal', start - this.#pos);
    }
  }

  #number(): JsonNumber {
    this.#numberRe.lastIndex = this.#pos;
    const m = this.#numberRe.exec(this.#text);
    if (m === null) throw this.#error(this.#pos >= this.#text.length ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(this.#text[this.#pos])}`);
    this.#pos += m[0].length;
    return new JsonNumber(m[0]);
  }

  #literal<T>(word: string, value: T): T {
    if (!this.#text.startsWith(word, this.#pos)) throw this.#error(`unexpected character ${JSON.stringify(this.#text[this.#pos])}`);
    this.#pos += word.length;
    return value;
  }

  #expect(c: string): void {
    if (this.#text[this.#pos] !== c) throw this.#error(`expected '${c}'`);
    this.#pos++;
  }

  #ws(): void {
    for (;;) {
      const c = this.#text.charCodeAt(this.#pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.#pos++;
      else return;
    }
  }

  #error(message: string, offset = 0): JsonSyntaxError {
    return new JsonSyntaxError(`invalid JSON at offset ${this.#pos + offset}: ${message}`);
  }
}
