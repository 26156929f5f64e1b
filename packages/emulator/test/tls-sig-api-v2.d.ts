// The official Tencent library ships no types; tests use it only as an oracle. Its package.json
// repeats "main" (first pointing at a file that does not exist), so the file is imported directly.
declare module 'tls-sig-api-v2/TLSSigAPIv2.js' {
  export class Api {
    constructor(sdkappid: number, key: string);
    genUserSig(userid: string, expire: number): string;
  }
}
