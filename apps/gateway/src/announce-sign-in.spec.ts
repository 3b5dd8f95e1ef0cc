import { announceSignIn } from './announce-sign-in';

describe('announceSignIn', () => {
  const lines = ['Web app: http://localhost:3000/  ·  GraphiQL: http://localhost:3000/graphql', '  sign in as someone@clinic.example (coordinator)', '  password secret'];

  it('prints every line, plain, on a terminal', () => {
    const written: string[] = [];
    const logged: string[] = [];
    announceSignIn(lines, { isTTY: true, write: (text) => written.push(text) }, (message) => logged.push(message));
    expect({ written, logged }).toEqual({ written: lines.map((line) => `${line}\n`), logged: [] });
  });

  it('logs only the address anywhere else, so no account or password reaches a log', () => {
    const written: string[] = [];
    const logged: string[] = [];
    announceSignIn(lines, { isTTY: false, write: (text) => written.push(text) }, (message) => logged.push(message));
    expect({ written, logged }).toEqual({ written: [], logged: [lines[0]] });
  });
});
