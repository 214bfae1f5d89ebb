import { hashPassword, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('are salted scrypt, verified in constant time, never the password itself', async () => {
    const [a, b] = await Promise.all([hashPassword('một mật khẩu dài'), hashPassword('một mật khẩu dài')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('mật khẩu');
    await expect(verifyPassword('một mật khẩu dài', a)).resolves.toBe(true);
    await expect(verifyPassword('một mật khẩu dài ', a)).resolves.toBe(false);
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
  });
});
