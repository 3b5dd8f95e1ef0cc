import { ReferralStatus } from '@referloop/lifecycle';
import { startingStatus } from './starting-status';

const request = (status: string) => ({ status, path: 'ServiceRequest.status' });
const task = (status: string) => ({ status, path: 'Bundle.entry[1].resource.status' });

describe('the status a posted referral starts in', () => {
  it('is a draft without a Task, or with a draft Task; sent when the Task says requested', () => {
    expect(startingStatus(request('draft'), null)).toBe(ReferralStatus.DRAFT);
    expect(startingStatus(request('draft'), task('draft'))).toBe(ReferralStatus.DRAFT);
    expect(startingStatus(request('active'), task('requested'))).toBe(ReferralStatus.SENT);
  });

  it('refuses statuses that disagree, or that no new referral has, naming the one at fault', () => {
    const refused = (posted: string, taskStatus: string | null) => {
      try {
        startingStatus(request(posted), taskStatus === null ? null : task(taskStatus));
      } catch (error) {
        return (error as { expression: string[] }).expression[0];
      }
      return null;
    };
    expect(refused('active', null)).toBe('ServiceRequest.status');
    expect(refused('draft', 'requested')).toBe('ServiceRequest.status');
    expect(refused('completed', 'draft')).toBe('ServiceRequest.status');
    expect(refused('active', 'accepted')).toBe('Bundle.entry[1].resource.status');
  });
});
