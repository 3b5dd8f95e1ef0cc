import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PatientLink } from './link-signer';
import { PatientLinkService } from './patient-link.service';
import { notFoundHtml, statusPageHtml, unsubscribeConfirmHtml, unsubscribedHtml } from './patient-pages';

const MAX_TOKEN_LENGTH = 200;

/**
 * The pages behind the links in patient emails. Anything wrong with a token — tampered,
 * expired, malformed, or naming a referral that is not the patient's — gets the same plain 404,
 * so a guess learns nothing.
 */
@Controller()
export class PatientLinksController {
  constructor(private readonly links: PatientLinkService) {}

  @Get('status/:token')
  async status(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const link = await this.linkOf(token);
    const data = link && (await this.links.statusPage(link));
    if (!data) return this.notFound(reply);
    await this.html(reply, 200, statusPageHtml(data));
  }

  @Get('unsubscribe/:token')
  async confirmUnsubscribe(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const link = await this.linkOf(token);
    // Only show the button for a link that would work; GET itself changes nothing (mail scanners follow links).
    if (!link || !(await this.links.statusPage(link))) return this.notFound(reply);
    await this.html(reply, 200, unsubscribeConfirmHtml(token));
  }

  /** The form's button and RFC 8058 one-click POSTs from mail clients both land here. */
  @Post('unsubscribe/:token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const link = await this.linkOf(token);
    if (!link || !(await this.links.unsubscribe(link))) return this.notFound(reply);
    await this.html(reply, 200, unsubscribedHtml());
  }

  private linkOf(token: string): Promise<PatientLink | null> {
    return token.length > MAX_TOKEN_LENGTH ? Promise.resolve(null) : this.links.verify(token);
  }

  private notFound(reply: FastifyReply): Promise<void> {
    return this.html(reply, 404, notFoundHtml());
  }

  private async html(reply: FastifyReply, status: number, body: string): Promise<void> {
    await reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      // The gateway's security headers (content security policy, nosniff) cover these pages too.
      .header('referrer-policy', 'no-referrer')
      .send(body);
  }
}
