import { admitActivity } from '../../../src/platform/teams/activity-gate';

const tenant = '11111111-1111-4111-8111-111111111111';
const teamsMessage = {
  type: 'message',
  channelId: 'msteams',
  conversation: { id: 'c', tenantId: tenant, isGroup: false, name: '', conversationType: 'personal' },
};

describe('admitActivity', () => {
  it('admits Teams activities from an allowed tenant, in any letter case', () => {
    expect(admitActivity(teamsMessage, [tenant.toUpperCase()])).toEqual({ admit: true });
  });

  it('reads the tenant from channelData when the conversation lacks it', () => {
    const activity = {
      ...teamsMessage,
      conversation: { ...teamsMessage.conversation, tenantId: undefined },
      channelData: { tenant: { id: tenant } },
    };
    expect(admitActivity(activity, [tenant]).admit).toBe(true);
  });

  it('drops other tenants, activities without a tenant, and other channels', () => {
    expect(admitActivity(teamsMessage, ['22222222-2222-4222-8222-222222222222'])).toEqual({
      admit: false,
      reason: 'tenant is not on the allow-list',
    });
    expect(admitActivity({ ...teamsMessage, conversation: { ...teamsMessage.conversation, tenantId: undefined } }, [tenant]).admit).toBe(
      false,
    );
    expect(admitActivity({ ...teamsMessage, channelId: 'webchat' }, []).admit).toBe(false);
    expect(admitActivity({ channelId: 'msteams' }, []).admit).toBe(false);
  });

  it('admits every Teams tenant when no allow-list is configured (local runs only; production requires one)', () => {
    expect(admitActivity(teamsMessage, []).admit).toBe(true);
  });
});
