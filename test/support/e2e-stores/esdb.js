process.env.THADS_E2E_STORE = 'esdb';
